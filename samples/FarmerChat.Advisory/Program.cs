// FarmerChat.Advisory: a multilingual agricultural advisory assistant grounded in vetted content (issue 11).
namespace FarmerChat.Advisory;

internal static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.WriteLine("FarmerChat.Advisory: not built yet (issue 11).");
        return 0;
    }
}
