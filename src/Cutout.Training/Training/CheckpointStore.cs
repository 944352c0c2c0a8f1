using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;

namespace Cutout.Training.Training;

/// <summary>
/// Saves and restores model weights, optimizer state and <see cref="TrainingState"/> as one unit:
/// everything goes into a fresh folder which then replaces <c>checkpoint/</c>, so a kill never leaves a torn checkpoint.
/// </summary>
public sealed class CheckpointStore(string outputDir)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    const string ModelFile = "model.bin", OptimizerFile = "optimizer.bin", StateFile = "state.json";

    string Current => Path.Combine(outputDir, "checkpoint");
    string Incoming => Path.Combine(outputDir, "checkpoint.new");
    string Previous => Path.Combine(outputDir, "checkpoint.old");

    public string BestModelPath => Path.Combine(outputDir, "best.bin");

    public void Save(torch.nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer, TrainingState state)
    {
        if (Directory.Exists(Incoming)) Directory.Delete(Incoming, true);
        Directory.CreateDirectory(Incoming);
        model.save(Path.Combine(Incoming, ModelFile));
        optimizer.save_state_dict(Path.Combine(Incoming, OptimizerFile));
        File.WriteAllText(Path.Combine(Incoming, StateFile), JsonSerializer.Serialize(state, Json));
        if (Directory.Exists(Previous)) Directory.Delete(Previous, true);
        if (Directory.Exists(Current)) Directory.Move(Current, Previous);
        Directory.Move(Incoming, Current);
        if (Directory.Exists(Previous)) Directory.Delete(Previous, true);
    }

    /// <summary>The state of the last complete checkpoint (a kill between the two renames leaves it in checkpoint.old),
    /// or null; <see cref="LoadWeights"/> then restores its model and optimizer.</summary>
    public TrainingState? Peek() => SavedFolder is { } dir ? ReadState(dir) : null;

    public void LoadWeights(torch.nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        var dir = SavedFolder ?? throw new IOException($"{Current}: no complete checkpoint to resume from");
        model.load(Path.Combine(dir, ModelFile));
        optimizer.load_state_dict(Path.Combine(dir, OptimizerFile));
    }

    string? SavedFolder => new[] { Current, Previous }.FirstOrDefault(d => File.Exists(Path.Combine(d, StateFile)));

    static TrainingState ReadState(string dir) =>
        JsonSerializer.Deserialize<TrainingState>(File.ReadAllText(Path.Combine(dir, StateFile)), Json)!;

    public void SaveBest(torch.nn.Module model)
    {
        var temp = BestModelPath + ".tmp";
        model.save(temp);
        File.Move(temp, BestModelPath, overwrite: true);
    }
}
