namespace CustomerCare.Benchmarks.Interactions;

/// <summary>Reads the result of a value task that the in-memory stores complete synchronously, without a state machine.</summary>
internal static class ValueTaskExtensions
{
    public static T Completed<T>(this ValueTask<T> task) => task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
