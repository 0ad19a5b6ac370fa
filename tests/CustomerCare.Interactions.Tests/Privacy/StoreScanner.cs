using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CustomerCare.Interactions.Tests.Privacy;

/// <summary>Collects every string reachable from an object through its fields, to prove that a value is gone from a store.</summary>
internal static class StoreScanner
{
    public static List<string> Strings(params object[] roots)
    {
        var found = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>(roots);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is string text)
            {
                found.Add(text);
                continue;
            }

            var type = current.GetType();
            if (type.IsPrimitive || type.IsEnum || current is Pointer || (!type.IsValueType && !seen.Add(current)))
            {
                continue;
            }

            if (current is Array array && array.GetType().GetElementType()!.IsPrimitive)
            {
                continue;
            }

            // An array type has its element's namespace and no fields, so arrays are walked here whatever their element type.
            if (current is IEnumerable sequence and not string && (current is Array || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true))
            {
                foreach (var item in sequence)
                {
                    if (item is not null)
                    {
                        pending.Push(item);
                    }
                }

                continue;
            }

            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType == typeof(System.Threading.Lock) || field.FieldType.IsByRefLike)
                    {
                        continue;
                    }

                    if (field.GetValue(current) is { } value)
                    {
                        pending.Push(value);
                    }
                }
            }
        }

        return found;
    }
}
