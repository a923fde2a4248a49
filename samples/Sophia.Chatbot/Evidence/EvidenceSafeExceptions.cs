namespace Sophia.Chatbot.Evidence;

/// <summary>An evidence safe could not be opened or read. Messages never contain evidence, passphrases or file names.</summary>
internal class EvidenceSafeException : Exception
{
    public EvidenceSafeException()
    {
    }

    public EvidenceSafeException(string message)
        : base(message)
    {
    }

    public EvidenceSafeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The passphrase does not open the safe. (A safe whose header was altered cannot be told apart from a wrong
/// passphrase: both fail the key check.)
/// </summary>
internal sealed class EvidenceSafeWrongPassphraseException : EvidenceSafeException
{
    public EvidenceSafeWrongPassphraseException()
        : base("The passphrase does not open this evidence safe (or the safe's header was altered).")
    {
    }

    public EvidenceSafeWrongPassphraseException(string message)
        : base(message)
    {
    }

    public EvidenceSafeWrongPassphraseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The safe's file is not a safe, is truncated, or its encrypted contents were altered (authentication failed).</summary>
internal sealed class EvidenceSafeTamperedException : EvidenceSafeException
{
    public EvidenceSafeTamperedException()
        : base("The evidence safe was altered or damaged: its contents fail authentication.")
    {
    }

    public EvidenceSafeTamperedException(string message)
        : base(message)
    {
    }

    public EvidenceSafeTamperedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
