namespace CustomerCare.Kvp.Problems;

/// <summary>Who or what opened a problem record.</summary>
public enum ProblemOrigin
{
    /// <summary>A person opened it.</summary>
    Person = 1,

    /// <summary>An improvement signal proposed it.</summary>
    Signal = 2,
}
