namespace LlmErs;

/// <summary>A governance check failed the run: its outputs, governance report and manifest are written, for inspection.</summary>
public sealed class GovernanceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GovernanceException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public GovernanceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public GovernanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
