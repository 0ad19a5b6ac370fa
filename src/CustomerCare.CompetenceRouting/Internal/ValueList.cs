using System.Collections;

namespace CustomerCare.CompetenceRouting;

/// <summary>
/// An immutable list that compares by its elements, so records that expose it as <see cref="IReadOnlyList{T}"/> get
/// value equality without writing Equals by hand.
/// </summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    private ValueList(T[] items)
    {
        _items = items;
    }

    public static ValueList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public ReadOnlySpan<T> AsSpan() => _items;

    public static ValueList<T> From(IEnumerable<T> items)
    {
        Guard.Invariant(items is not null);
        if (items is ValueList<T> list)
        {
            return list;
        }

        var array = items.ToArray();
        return array.Length == 0 ? Empty : new ValueList<T>(array);
    }

    public static ValueList<T> Wrap(T[] items) => items.Length == 0 ? Empty : new ValueList<T>(items);

    public ValueList<T> Add(T item) => new([.. _items, item]);

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}
