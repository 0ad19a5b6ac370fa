using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CustomerCare.Tests.Conventions;

/// <summary>Rules that every CustomerCare package follows, checked over all of them at once.</summary>
public partial class ConventionTests
{
    public static TheoryData<string> Libraries => new(Repository.LibraryNames);

    [Fact]
    public void EveryLibrary_IsLoadedForTheseTests()
    {
        var loaded = Repository.Libraries.Select(a => a.GetName().Name).ToHashSet(StringComparer.Ordinal);

        var missing = Repository.LibraryNames.Where(name => !loaded.Contains(name)).ToArray();

        Assert.True(missing.Length == 0, $"Add a ProjectReference to {string.Join(", ", missing)} in CustomerCare.Tests.csproj so the convention tests cover it.");
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_HasReadmeAndPublicApiFiles(string library)
    {
        var folder = Path.Combine(Repository.Src, library);

        Assert.True(File.Exists(Path.Combine(folder, "README.md")), $"{library} has no README.md");
        Assert.True(File.Exists(Path.Combine(folder, "PublicAPI.Shipped.txt")), $"{library} has no PublicAPI.Shipped.txt");
        Assert.True(File.Exists(Path.Combine(folder, "PublicAPI.Unshipped.txt")), $"{library} has no PublicAPI.Unshipped.txt");
    }

    [Fact]
    public void PublicTypes_LiveInTheirPackageNamespace()
    {
        var names = Repository.LibraryNames.ToHashSet(StringComparer.Ordinal);
        var offenders = new List<string>();
        foreach (var assembly in Repository.Libraries)
        {
            var package = assembly.GetName().Name!;
            foreach (var type in assembly.GetExportedTypes())
            {
                var ns = type.Namespace ?? string.Empty;
                var inPackage = ns == package || ns.StartsWith(package + ".", StringComparison.Ordinal);
                var inOtherPackage = names.Any(other => other != package
                    && other.StartsWith(package + ".", StringComparison.Ordinal)
                    && (ns == other || ns.StartsWith(other + ".", StringComparison.Ordinal)));
                if (!inPackage || inOtherPackage)
                {
                    offenders.Add($"{type.FullName} in {package}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Public types outside their package namespace: " + string.Join(", ", offenders));
    }

    [Fact]
    public void EquatableTypes_HaveEqualityOperators()
    {
        var offenders = new List<string>();
        foreach (var type in Repository.Libraries.SelectMany(a => a.GetExportedTypes()))
        {
            var equatable = typeof(IEquatable<>).MakeGenericType(type);
            if (type.IsGenericTypeDefinition || type.IsInterface || !equatable.IsAssignableFrom(type))
            {
                continue;
            }

            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Static);
            if (!methods.Any(m => m.Name == "op_Equality") || !methods.Any(m => m.Name == "op_Inequality"))
            {
                offenders.Add(type.FullName!);
            }
        }

        Assert.True(offenders.Count == 0, "Equatable types without == and !=: " + string.Join(", ", offenders));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Documentation_HasNoEmptyTags(string library)
    {
        var path = Path.Combine(AppContext.BaseDirectory, library + ".xml");
        Assert.True(File.Exists(path), $"{path} is missing; libraries must generate documentation files.");
        var members = XDocument.Load(path).Descendants("member").ToArray();

        var empty = new List<string>();
        foreach (var member in members)
        {
            var name = member.Attribute("name")!.Value;
            if (member.Element("inheritdoc") is null && string.IsNullOrWhiteSpace(member.Element("summary")?.Value))
            {
                empty.Add($"{name}: no summary");
            }

            foreach (var tag in member.Elements().Where(e => e.Name.LocalName is "param" or "returns" or "typeparam" or "value" or "exception"))
            {
                if (!tag.Nodes().Any())
                {
                    empty.Add($"{name}: empty <{tag.Name.LocalName} {tag.Attributes().FirstOrDefault()}>");
                }
            }
        }

        Assert.NotEmpty(members);
        Assert.True(empty.Count == 0, string.Join(Environment.NewLine, empty));
    }

    [Fact]
    public void NullChecks_GoThroughGuard()
    {
        var guard = Path.Combine(Repository.Src, "Shared", "Guard.cs");
        var offenders = new List<string>();
        foreach (var file in Repository.SourceFiles().Where(f => f != guard))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (HandWrittenNullCheck().IsMatch(lines[i]))
                {
                    offenders.Add($"{Path.GetRelativePath(Repository.Root, file)}:{i + 1}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Use Guard.NotNull instead of a hand-written null check at: " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"throw new ArgumentNullException|ArgumentNullException\.ThrowIfNull|ArgumentException\.ThrowIfNullOr")]
    private static partial Regex HandWrittenNullCheck();
}
