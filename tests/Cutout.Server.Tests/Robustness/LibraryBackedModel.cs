using Cutout.Server.Models;

using Cutout.Tests.Robustness;

namespace Cutout.Server.Tests.Robustness;

/// <summary>The real library pipeline on the robustness model, whatever model name a request resolves to.</summary>
public sealed class LibraryBackedModel : IRemovalModel
{
    public static ModelLoader Loader => _ => new LibraryBackedModel();

    readonly BackgroundRemover _remover = BackgroundRemover.Load(RobustnessModel.Path, intraOpThreads: 1);

    public RemovalResult Remove(ReadOnlySpan<byte> encodedImage, RemoveOptions options) => _remover.Remove(encodedImage, options);

    public void Dispose() => _remover.Dispose();
}
