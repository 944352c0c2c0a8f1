namespace Cutout.Server.Tests.Infrastructure;

/// <summary>Waits for a condition another thread brings about, instead of sleeping a guessed time.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within {seconds} s: {what}");
            await Task.Delay(10);
        }
    }
}
