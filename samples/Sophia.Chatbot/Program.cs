// Sophia.Chatbot: an anonymous, multilingual support chatbot for people facing domestic violence (issue 9).
// Skeleton: the web app, guards, evidence safe and knowledge base are added on their branches.
namespace Sophia.Chatbot;

internal static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.WriteLine("Sophia.Chatbot: not built yet (issue 9).");
        return 0;
    }
}
