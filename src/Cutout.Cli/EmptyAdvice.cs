namespace Cutout.Cli;

/// <summary>What to say when a cut-out came out empty (no subject found), with the remedy for the model that ran.</summary>
static class EmptyAdvice
{
    public static string For(string model) =>
        model.StartsWith(ModelCatalog.People, StringComparison.OrdinalIgnoreCase)
            ? $"no person found, the cut-out is empty ({model}); for other subjects use --model general or --model auto"
            : $"no subject found, the cut-out is empty ({model}); try another --model, or a photo where the subject stands out";
}
