using Xunit;

namespace Cutout.Tests.Video;

/// <summary>A fact that runs ffmpeg; skipped, with the reason, when ffmpeg/ffprobe are not installed (test.sh installs them).</summary>
public sealed class VideoFactAttribute : FactAttribute
{
    public VideoFactAttribute(bool needsShippedModel = false)
    {
        if (!Ffmpeg.Installed) Skip = "skipped: ffmpeg/ffprobe not on the PATH (apt-get install ffmpeg; ./test.sh installs it)";
        else if (needsShippedModel && !ShippedModel.InRepository) Skip = "skipped: the repository's models/ holds no model";
    }
}
