namespace Cutout.Server.Models;

/// <summary>One loaded model, shared by every request that names it. Must be thread-safe.</summary>
public interface IRemovalModel : IDisposable
{
    RemovalResult Remove(ReadOnlySpan<byte> encodedImage, RemoveOptions options);
}

/// <summary>Creates the model for a name; called at most once per name while it loads successfully.</summary>
public delegate IRemovalModel ModelLoader(string name);
