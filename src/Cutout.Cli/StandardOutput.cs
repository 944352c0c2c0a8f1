namespace Cutout.Cli;

/// <summary>Writes a result to stdout; a closed or full stdout is one line on stderr, not a crash.</summary>
static class StandardOutput
{
    public static bool TryWrite(byte[] data)
    {
        try
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(data);
            stdout.Flush();
            return true;
        }
        // A closed stdout surfaces as UnauthorizedAccessException (EBADF), a full disk as IOException.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("cutout: cannot write the result to stdout: " + (e.InnerException ?? e).Message);
            return false;
        }
    }
}
