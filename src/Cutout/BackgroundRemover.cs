using System.Diagnostics;

namespace Cutout;

/// <summary>
/// A model choice, loaded once: one model, or "auto" (the people model, the general model when no person is found).
/// Thread-safe; reuse it for every image.
/// </summary>
public sealed class BackgroundRemover : IDisposable
{
    readonly ModelSession[] _sessions;

    /// <summary>The name it was loaded by, resolved: a model's name or "auto".</summary>
    public string Name { get; }
    public bool Automatic { get; }

    /// <summary>The first model's input spec (with "auto": the people model's).</summary>
    public ModelSpec Spec => _sessions[0].Spec;
    public string ModelPath => _sessions[0].ModelPath;
    public IReadOnlyList<ModelSpec> Models => [.. _sessions.Select(s => s.Spec)];

    BackgroundRemover(ModelChoice choice, ModelSession[] sessions)
    {
        Name = choice.Name;
        Automatic = choice.Automatic && sessions.Length > 1;
        _sessions = sessions;
    }

    /// <param name="model">null or "default": the default choice (models/default.json); "auto", "people", "general";
    /// "isnet": the pulled IS-Net; a shipped model's name; or an .onnx path with its sidecar .json.</param>
    /// <param name="intraOpThreads">ONNX Runtime threads inside one inference (null: its default, all cores).</param>
    public static BackgroundRemover Load(string? model = null, int? intraOpThreads = null) =>
        Load(ModelCatalog.Choose(model ?? "default"), intraOpThreads);

    /// <summary>Loads the files of a choice the caller made (see <see cref="ModelCatalog.Choose"/>).</summary>
    public static BackgroundRemover Load(ModelChoice choice, int? intraOpThreads = null)
    {
        var sessions = new List<ModelSession>();
        try
        {
            foreach (var path in choice.Paths) sessions.Add(ModelSession.Load(path, intraOpThreads));
            return new BackgroundRemover(choice, [.. sessions]);
        }
        catch
        {
            foreach (var s in sessions) s.Dispose();
            throw;
        }
    }

    public RemovalResult Remove(ReadOnlySpan<byte> encodedImage, RemoveOptions options)
    {
        var clock = Stopwatch.StartNew();
        OutputRenderer.Validate(options);
        using var photo = Photo.Decode(encodedImage, options.MaxPixels, options.MaxPixelsPerByte);
        var matte = PredictAlpha(photo);
        var model = matte.Model ?? Spec.Name;
        matte = MattePipeline.Apply(photo, matte, options, Spec);
        var found = SubjectCoverage.Found(matte);
        var (data, width, height) = OutputRenderer.Render(photo, matte, options);
        var format = options.Mask ? OutputFormat.Png : options.Format;
        return new RemovalResult(data, OutputRenderer.ContentType(format), OutputRenderer.Extension(format), width, height,
            matte.ModelTime, clock.Elapsed, model, found);
    }

    /// <summary>Full-resolution soft alpha (0..1) for a decoded photo; transparent input pixels stay transparent.</summary>
    /// <param name="into">where to write the alpha, <see cref="Photo.PixelCount"/> long (null: a new array); video reuses its buffers.</param>
    public AlphaMatte PredictAlpha(Photo photo, float[]? into = null)
    {
        var session = _sessions[0];
        var (raw, modelTime) = session.Infer(photo);
        if (Automatic && !AutoRule.KeepPeople(raw))
        {
            session = _sessions[1];
            var (general, generalTime) = session.Infer(photo);
            (raw, modelTime) = (general, modelTime + generalTime);
        }
        var values = MatteResize.Bilinear(raw, session.Spec.Width, session.Spec.Height, photo.Width, photo.Height, into);
        if (photo.HasTransparency)
            for (int i = 0, j = 3; i < values.Length; i++, j += 4)
                values[i] *= photo.Rgba[j] * (1f / 255f);
        return new AlphaMatte(photo.Width, photo.Height, values) { ModelTime = modelTime, Model = session.Spec.Name };
    }

    public void Dispose()
    {
        foreach (var s in _sessions) s.Dispose();
    }
}
