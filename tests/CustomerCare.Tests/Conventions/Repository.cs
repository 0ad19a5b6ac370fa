using System.Reflection;

namespace CustomerCare.Tests.Conventions;

/// <summary>Locates the repository and the CustomerCare assemblies that the convention tests inspect.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Src => Path.Combine(Root, "src");

    /// <summary>Gets the names of the library projects: every folder under src/ with a project file of the same name.</summary>
    public static IReadOnlyList<string> LibraryNames { get; } =
        Directory.GetDirectories(Path.Combine(FindRoot(), "src"))
            .Select(Path.GetFileName)
            .Where(name => File.Exists(Path.Combine(FindRoot(), "src", name!, name + ".csproj")))
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Gets the library assemblies, loaded from this test's output folder.</summary>
    public static IReadOnlyList<Assembly> Libraries { get; } = LoadLibraries();

    /// <summary>Returns the source files of the libraries, without build output.</summary>
    public static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerCare.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException(
            $"No CustomerCare.sln above {AppContext.BaseDirectory}. Run the tests from a checkout of the repository.");
    }

    private static Assembly[] LoadLibraries()
    {
        var assemblies = new List<Assembly>();
        foreach (var name in LibraryNames)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (File.Exists(path))
            {
                assemblies.Add(Assembly.Load(new AssemblyName(name)));
            }
        }

        return [.. assemblies];
    }
}
