using Cutout.Server.Models;

namespace Cutout.Server.Tests.Infrastructure;

/// <summary>Returns the same small answer at once: for tests of the server around the model.</summary>
public sealed class EchoModel : IRemovalModel
{
    public static readonly byte[] Answer = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    public RemovalResult Remove(ReadOnlySpan<byte> encodedImage, RemoveOptions options) =>
        new(Answer, "image/png", ".png", 1, 1, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2));

    public void Dispose() { }
}

/// <summary>Holds every inference until <see cref="Release"/>; <see cref="Entered"/> counts the ones started.</summary>
public sealed class BlockingModel : IRemovalModel
{
    readonly ManualResetEventSlim released = new();
    int entered;

    public int Entered => Volatile.Read(ref entered);

    public RemovalResult Remove(ReadOnlySpan<byte> encodedImage, RemoveOptions options)
    {
        Interlocked.Increment(ref entered);
        released.Wait(TimeSpan.FromSeconds(30));
        return new EchoModel().Remove(encodedImage, options);
    }

    public Task WaitUntilEnteredAsync(int count) =>
        Eventually.TrueAsync(() => Entered >= count, $"{count} inferences started (only {Entered})");

    public void Release() => released.Set();

    public void Dispose() => released.Set();
}

/// <summary>Fails the way a bug would, with internals in the message that must never reach a client.</summary>
public sealed class ThrowingModel : IRemovalModel
{
    public const string Secret = "internal-secret-0xDEADBEEF";

    public RemovalResult Remove(ReadOnlySpan<byte> encodedImage, RemoveOptions options) =>
        throw new InvalidOperationException(Secret);

    public void Dispose() { }
}
