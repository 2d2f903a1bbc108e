namespace LmsSync.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        System.Console.WriteLine("No benchmarks yet.");
        return 0;
    }
}
