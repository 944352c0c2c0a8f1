namespace Cutout.Server;

/// <summary>Server limits and defaults, bound from the "Cutout" configuration section (env: Cutout__MaxUploadBytes=...).</summary>
public sealed class CutoutServerOptions
{
    public const string Section = "Cutout";

    /// <summary>Largest accepted image file, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest accepted image, in pixels (width x height), checked from the header before decoding.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>
    /// Above 4 MP, most pixels an image may declare per byte of its file (photos have under 10; deflate's limit is
    /// about 1000): bounds the work a small upload can ask for (<see cref="RemoveOptions.MaxPixelsPerByte"/>).
    /// </summary>
    public long MaxPixelsPerByte { get; set; } = 256;

    /// <summary>Inferences running at the same time.</summary>
    public int MaxConcurrentInferences { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Requests waiting for an inference slot; beyond this the server answers 503 with Retry-After.</summary>
    public int MaxQueueLength { get; set; } = 16;

    /// <summary>Longest a request may wait for a slot plus run its inference.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>What a busy or timed-out answer tells clients to wait before retrying.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Model used when a request names none: null or "default" is the shipped model.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Load the default model in the background right after start instead of on the first request.</summary>
    public bool PreloadDefaultModel { get; set; } = true;

    /// <summary>Host names requests may use, "a;b" ("*": any); empty: the addresses the server listens on.</summary>
    public string? AllowedHosts { get; set; }

    /// <summary>Origins of other sites whose pages may POST to the API, "https://a;https://b" ("*": any); empty: none.</summary>
    public string? AllowedOrigins { get; set; }

    /// <summary>ONNX Runtime intra-op threads per model; null lets the library decide.</summary>
    public int? IntraOpThreads { get; set; }
}
