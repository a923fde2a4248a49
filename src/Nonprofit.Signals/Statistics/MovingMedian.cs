using System;

namespace Nonprofit.Signals;

/// <summary>
/// The median of the last <see cref="Window"/> samples, updated in O(log w) per sample with two indexed heaps
/// (a max-heap of the lower half, a min-heap of the upper half) whose entries know their window slot, so the
/// sample leaving the window is removed directly. Before the window fills, the median of the samples seen so
/// far; for an even count, the mean of the two middle values. Not thread-safe; no allocation per sample.
/// </summary>
/// <remarks>NaN samples are not supported: they make the ordering undefined (the result is unspecified).</remarks>
public sealed class MovingMedian
{
    private readonly float[] _values;     // by window slot
    private readonly int[] _heapOfSlot;   // +1 upper (min-heap), -1 lower (max-heap), 0 empty
    private readonly int[] _indexOfSlot;  // position in its heap
    private readonly int[] _lower;        // max-heap of slots
    private readonly int[] _upper;        // min-heap of slots
    private int _lowerCount;
    private int _upperCount;
    private int _next;
    private int _count;

    /// <summary>Initializes an empty moving median.</summary>
    /// <param name="window">The window length, 1 to 2^24.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is out of range.</exception>
    public MovingMedian(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, 1 << 24);
        Window = window;
        _values = new float[window];
        _heapOfSlot = new int[window];
        _indexOfSlot = new int[window];
        _lower = new int[window];
        _upper = new int[window];
    }

    /// <summary>Gets the window length.</summary>
    public int Window { get; }

    /// <summary>Adds a sample and returns the median of the window that ends with it.</summary>
    /// <param name="sample">The next sample.</param>
    /// <returns>The median.</returns>
    public float Process(float sample)
    {
        var slot = _next;
        _next = _next + 1 == Window ? 0 : _next + 1;
        if (_count == Window)
        {
            Remove(slot);
        }
        else
        {
            _count++;
        }

        _values[slot] = sample;
        if (_lowerCount == 0 || sample <= _values[_lower[0]])
        {
            Push(_lower, ref _lowerCount, slot, -1);
        }
        else
        {
            Push(_upper, ref _upperCount, slot, +1);
        }

        Rebalance();
        return _lowerCount > _upperCount
            ? _values[_lower[0]]
            : (float)((_values[_lower[0]] + (double)_values[_upper[0]]) / 2);
    }

    /// <summary>Filters a chunk: destination[i] is the median of the window ending at input[i].</summary>
    /// <param name="input">The next samples.</param>
    /// <param name="destination">Receives as many medians (in place allowed).</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="input"/>.</exception>
    public void Process(ReadOnlySpan<float> input, Span<float> destination)
    {
        if (destination.Length < input.Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} elements but the input has {input.Length}.", nameof(destination));
        }

        for (var i = 0; i < input.Length; i++)
        {
            destination[i] = Process(input[i]);
        }
    }

    /// <summary>Forgets every sample.</summary>
    public void Reset()
    {
        Array.Clear(_heapOfSlot);
        _lowerCount = _upperCount = _next = _count = 0;
    }

    private void Rebalance()
    {
        // Keep lower.Count == upper.Count or upper.Count + 1.
        if (_lowerCount > _upperCount + 1)
        {
            var slot = Pop(_lower, ref _lowerCount, -1);
            Push(_upper, ref _upperCount, slot, +1);
        }
        else if (_upperCount > _lowerCount)
        {
            var slot = Pop(_upper, ref _upperCount, +1);
            Push(_lower, ref _lowerCount, slot, -1);
        }
    }

    private void Remove(int slot)
    {
        var index = _indexOfSlot[slot];
        if (_heapOfSlot[slot] < 0)
        {
            RemoveAt(_lower, ref _lowerCount, index, -1);
        }
        else
        {
            RemoveAt(_upper, ref _upperCount, index, +1);
        }

        _heapOfSlot[slot] = 0;
    }

    // sign -1: max-heap (parent >= child); +1: min-heap (parent <= child).
    private bool Before(int slotA, int slotB, int sign) =>
        sign < 0 ? _values[slotA] > _values[slotB] : _values[slotA] < _values[slotB];

    private void Push(int[] heap, ref int count, int slot, int sign)
    {
        heap[count] = slot;
        _heapOfSlot[slot] = sign;
        _indexOfSlot[slot] = count;
        count++;
        SiftUp(heap, count - 1, sign);
    }

    private int Pop(int[] heap, ref int count, int sign)
    {
        var top = heap[0];
        RemoveAt(heap, ref count, 0, sign);
        return top;
    }

    private void RemoveAt(int[] heap, ref int count, int index, int sign)
    {
        count--;
        if (index == count)
        {
            return;
        }

        var moved = heap[count];
        heap[index] = moved;
        _indexOfSlot[moved] = index;
        SiftUp(heap, index, sign);
        if (_indexOfSlot[moved] == index)
        {
            SiftDown(heap, index, count, sign);
        }
    }

    private void SiftUp(int[] heap, int index, int sign)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Before(heap[index], heap[parent], sign))
            {
                return;
            }

            Swap(heap, index, parent);
            index = parent;
        }
    }

    private void SiftDown(int[] heap, int index, int count, int sign)
    {
        while (true)
        {
            var left = (2 * index) + 1;
            if (left >= count)
            {
                return;
            }

            var best = left + 1 < count && Before(heap[left + 1], heap[left], sign) ? left + 1 : left;
            if (!Before(heap[best], heap[index], sign))
            {
                return;
            }

            Swap(heap, index, best);
            index = best;
        }
    }

    private void Swap(int[] heap, int a, int b)
    {
        (heap[a], heap[b]) = (heap[b], heap[a]);
        _indexOfSlot[heap[a]] = a;
        _indexOfSlot[heap[b]] = b;
    }
}
