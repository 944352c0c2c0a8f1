namespace Cutout.Server.Api;

/// <summary>A request the server refuses: the HTTP status and the words a person reads.</summary>
public sealed class RequestRejectedException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}
