namespace Modular.Host.Operations;

/// <summary>The request clashes with what exists (a duplicate, a stale version). Answered as 409 problem details.</summary>
public sealed class ConflictException(string message) : Exception(message);
