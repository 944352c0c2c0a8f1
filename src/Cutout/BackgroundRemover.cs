using System.Diagnostics;

namespace Cutout;

/// <summary>
/// A model choice, loaded once: one model, or "auto" (the people model, the general model when no person is found;
/// the general model is loaded when a photo first needs it). Thread-safe; reuse it for every image.
/// </summary>
public sealed class BackgroundRemover : IDisposable
{
    readonly ModelSession _first;
    readonly Lazy<ModelSession>? _fallback;
    readonly ModelSpec[] _specs;

    /// <summary>The name it was loaded by, resolved: a model's name or "auto".</summary>
    public string Name { get; }
    public bool Automatic { get; }

    /// <summary>The first model's input spec (with "auto": the people model's).</summary>
    public ModelSpec Spec => _first.Spec;
    public string ModelPath => _first.ModelPath;
    public IReadOnlyList<ModelSpec> Models => _specs;

    BackgroundRemover(ModelChoice choice, ModelSession first, Lazy<ModelSession>? fallback, ModelSpec[] specs)
    {
        Name = choice.Name;
        Automatic = fallback is not null;
        (_first, _fallback, _specs) = (first, fallback, specs);
    }

    /// <param name="model">null or "default": the default choice (models/default.json); "auto", "people", "general";
    /// "isnet": the pulled IS-Net; a shipped model's name; or an .onnx path with its sidecar .json.</param>
    /// <param name="intraOpThreads">ONNX Runtime threads inside one inference (null: its default, all cores).</param>
    public static BackgroundRemover Load(string? model = null, int? intraOpThreads = null) =>
        Load(ModelCatalog.Choose(model ?? "default"), intraOpThreads);

    /// <summary>Loads the files of a choice the caller made (see <see cref="ModelCatalog.Choose"/>).</summary>
    public static BackgroundRemover Load(ModelChoice choice, int? intraOpThreads = null)
    {
        var first = ModelSession.Load(choice.Paths[0], intraOpThreads);
        if (!choice.Automatic || choice.Paths.Count < 2) return new BackgroundRemover(choice, first, null, [first.Spec]);
        try
        {
            var second = choice.Paths[1];
            if (!File.Exists(second)) throw new CutoutException(CutoutErrorKind.BadModel, $"Model {second} does not exist.");
            var specs = new[] { first.Spec, ModelSession.ReadSpec(second) };
            return new BackgroundRemover(choice, first, new Lazy<ModelSession>(() => ModelSession.Load(second, intraOpThreads)), specs);
        }
        catch
        {
            first.Dispose();
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
        var session = _first;
        var (raw, modelTime) = session.Infer(photo);
        if (_fallback is not null && !AutoRule.KeepPeople(raw))
        {
            session = _fallback.Value;
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
        _first.Dispose();
        if (_fallback is { IsValueCreated: true }) _fallback.Value.Dispose();
    }
}
