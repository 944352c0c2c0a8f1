namespace Cutout.Video;

/// <summary>Where finished frames go. Nothing appears at the output path before <see cref="Complete"/>; disposing without it discards all.</summary>
interface IFrameSink : IDisposable
{
    void Write(byte[] pixels);

    void Complete();
}
