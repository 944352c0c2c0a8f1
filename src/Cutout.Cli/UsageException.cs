namespace Cutout.Cli;

/// <summary>A mistake in the command line (exit code 2).</summary>
sealed class UsageException(string message) : Exception(message);
