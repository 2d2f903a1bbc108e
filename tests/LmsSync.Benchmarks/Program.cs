namespace LmsSync.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "sf-read") return SalesforceReadBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
        System.Console.WriteLine("No benchmarks yet.");
        return 0;
    }
}
