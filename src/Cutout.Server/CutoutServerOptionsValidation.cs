using Microsoft.Extensions.Options;

namespace Cutout.Server;

/// <summary>Rejects nonsensical limits at startup, with messages that name the setting.</summary>
internal sealed class CutoutServerOptionsValidation : IValidateOptions<CutoutServerOptions>
{
    public ValidateOptionsResult Validate(string? name, CutoutServerOptions o)
    {
        var failures = new List<string>();
        if (o.MaxUploadBytes <= 0) failures.Add("Cutout:MaxUploadBytes must be greater than 0.");
        if (o.MaxPixels <= 0) failures.Add("Cutout:MaxPixels must be greater than 0.");
        if (o.MaxPixelsPerByte < 0) failures.Add("Cutout:MaxPixelsPerByte must be 0 (off) or more.");
        if (o.MaxConcurrentInferences <= 0) failures.Add("Cutout:MaxConcurrentInferences must be at least 1.");
        if (o.MaxQueueLength < 0) failures.Add("Cutout:MaxQueueLength must be 0 or more.");
        if (o.RequestTimeout <= TimeSpan.Zero) failures.Add("Cutout:RequestTimeout must be positive (for example 00:01:00).");
        if (o.RetryAfter < TimeSpan.Zero) failures.Add("Cutout:RetryAfter must not be negative.");
        if (o.IntraOpThreads is <= 0) failures.Add("Cutout:IntraOpThreads must be at least 1 when set.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
