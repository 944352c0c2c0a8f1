namespace Cutout;

public enum CutoutErrorKind { NotAnImage, BadImage, TooLarge, UnsupportedOption, ModelNotFound, BadModel, Io }

/// <summary>A failure whose message is meant for end users (CLI output, HTTP problem details).</summary>
public sealed class CutoutException(CutoutErrorKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public CutoutErrorKind Kind { get; } = kind;
}
