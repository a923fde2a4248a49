using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nonprofit.Signals;

/// <summary>
/// One cascade of second-order sections applied to N interleaved channels (frames of
/// [c0, c1, …, cN−1]), with the channels in the lanes of <see cref="Vector{T}"/> of float: each frame's
/// channels are loaded as vectors straight from the interleaved buffer, so N channels cost about
/// N / <see cref="Vector{T}.Count"/> single-channel filters. Computed in single precision with fused
/// multiply-adds (the single-channel <see cref="SosFilter"/> uses double): each channel matches it to about
/// 1e-5 relative for well-conditioned filters. Streaming; not thread-safe.
/// </summary>
public sealed class MultiChannelSosFilter
{
    private readonly Biquad[] _sections;
    private readonly Vector<float>[] _state; // per section, per lane group: z1 then z2
    private readonly int _groups;

    /// <summary>Initializes a filter with zero state.</summary>
    /// <param name="sections">The cascade applied to every channel.</param>
    /// <param name="channels">The number of interleaved channels, 1 to 1024.</param>
    /// <exception cref="ArgumentException">A coefficient is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channels"/> is out of range.</exception>
    public MultiChannelSosFilter(ReadOnlySpan<Biquad> sections, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 1024);
        foreach (var s in sections)
        {
            s.ThrowIfNotFinite(nameof(sections));
        }

        _sections = sections.ToArray();
        Channels = channels;
        _groups = (channels + Vector<float>.Count - 1) / Vector<float>.Count;
        _state = new Vector<float>[2 * _sections.Length * _groups];
    }

    /// <summary>Gets the number of channels.</summary>
    public int Channels { get; }

    /// <summary>Filters interleaved frames in place.</summary>
    /// <param name="frames">Whole frames: a multiple of <see cref="Channels"/> samples.</param>
    /// <exception cref="ArgumentException">The length is not a multiple of the channel count.</exception>
    public void Process(Span<float> frames)
    {
        if (frames.Length % Channels != 0)
        {
            throw new ArgumentException($"The buffer holds {frames.Length} samples, not a whole number of {Channels}-channel frames.", nameof(frames));
        }

        // Tiles of frames stay in the first-level cache while every section passes over them; full lane groups
        // run two sections a pass with their state in registers, so consecutive frames' sections overlap in the
        // pipeline instead of waiting on memory. Each lane's arithmetic is the same in every path.
        const int TileFrames = 256;
        var lanes = Vector<float>.Count;
        var frameCount = frames.Length / Channels;
        for (var f0 = 0; f0 < frameCount; f0 += TileFrames)
        {
            var tileFrames = Math.Min(TileFrames, frameCount - f0);
            for (var g = 0; g < _groups; g++)
            {
                var c0 = g * lanes;
                if (Channels - c0 < lanes)
                {
                    ProcessPartialGroup(frames, f0, tileFrames, g);
                    continue;
                }

                for (var k = 0; k < _sections.Length; k += 2)
                {
                    if (k + 1 < _sections.Length)
                    {
                        TwoSections(frames, f0, tileFrames, g, k);
                    }
                    else
                    {
                        OneSection(frames, f0, tileFrames, g, k);
                    }
                }
            }
        }
    }

    private void TwoSections(Span<float> frames, int firstFrame, int frameCount, int group, int k)
    {
        ref var x0 = ref MemoryMarshal.GetReference(frames);
        ref readonly var s = ref _sections[k];
        ref readonly var t = ref _sections[k + 1];
        Vector<float> sb0 = new((float)s.B0), sb1 = new((float)s.B1), sb2 = new((float)s.B2), sa1 = new((float)-s.A1), sa2 = new((float)-s.A2);
        Vector<float> tb0 = new((float)t.B0), tb1 = new((float)t.B1), tb2 = new((float)t.B2), ta1 = new((float)-t.A1), ta2 = new((float)-t.A2);
        ref var sz = ref _state[2 * ((k * _groups) + group)];
        ref var tz = ref _state[2 * (((k + 1) * _groups) + group)];
        var s1 = sz;
        var s2 = Unsafe.Add(ref sz, 1);
        var t1 = tz;
        var t2 = Unsafe.Add(ref tz, 1);
        var index = (nuint)((firstFrame * Channels) + (group * Vector<float>.Count));
        for (var f = 0; f < frameCount; f++, index += (nuint)Channels)
        {
            var v = Vector.LoadUnsafe(ref x0, index);
            var o = Vector.FusedMultiplyAdd(sb0, v, s1);
            s1 = Vector.FusedMultiplyAdd(sa1, o, Vector.FusedMultiplyAdd(sb1, v, s2));
            s2 = Vector.FusedMultiplyAdd(sa2, o, sb2 * v);
            var p = Vector.FusedMultiplyAdd(tb0, o, t1);
            t1 = Vector.FusedMultiplyAdd(ta1, p, Vector.FusedMultiplyAdd(tb1, o, t2));
            t2 = Vector.FusedMultiplyAdd(ta2, p, tb2 * o);
            p.StoreUnsafe(ref x0, index);
        }

        sz = s1;
        Unsafe.Add(ref sz, 1) = s2;
        tz = t1;
        Unsafe.Add(ref tz, 1) = t2;
    }

    private void OneSection(Span<float> frames, int firstFrame, int frameCount, int group, int k)
    {
        ref var x0 = ref MemoryMarshal.GetReference(frames);
        ref readonly var s = ref _sections[k];
        Vector<float> sb0 = new((float)s.B0), sb1 = new((float)s.B1), sb2 = new((float)s.B2), sa1 = new((float)-s.A1), sa2 = new((float)-s.A2);
        ref var sz = ref _state[2 * ((k * _groups) + group)];
        var s1 = sz;
        var s2 = Unsafe.Add(ref sz, 1);
        var index = (nuint)((firstFrame * Channels) + (group * Vector<float>.Count));
        for (var f = 0; f < frameCount; f++, index += (nuint)Channels)
        {
            var v = Vector.LoadUnsafe(ref x0, index);
            var o = Vector.FusedMultiplyAdd(sb0, v, s1);
            s1 = Vector.FusedMultiplyAdd(sa1, o, Vector.FusedMultiplyAdd(sb1, v, s2));
            s2 = Vector.FusedMultiplyAdd(sa2, o, sb2 * v);
            o.StoreUnsafe(ref x0, index);
        }

        sz = s1;
        Unsafe.Add(ref sz, 1) = s2;
    }

    // The last lane group when the channel count is not a multiple of the lane count: copied through a vector.
    private void ProcessPartialGroup(Span<float> frames, int firstFrame, int frameCount, int group)
    {
        var lanes = Vector<float>.Count;
        var c0 = group * lanes;
        var width = Channels - c0;
        Span<float> partial = stackalloc float[lanes];
        for (var f = firstFrame; f < firstFrame + frameCount; f++)
        {
            var at = frames.Slice((f * Channels) + c0, width);
            partial.Clear();
            at.CopyTo(partial);
            var v = new Vector<float>(partial);
            for (var k = 0; k < _sections.Length; k++)
            {
                ref readonly var s = ref _sections[k];
                ref var z1 = ref _state[2 * ((k * _groups) + group)];
                ref var z2 = ref _state[(2 * ((k * _groups) + group)) + 1];
                var o = Vector.FusedMultiplyAdd(new Vector<float>((float)s.B0), v, z1);
                z1 = Vector.FusedMultiplyAdd(new Vector<float>((float)-s.A1), o, Vector.FusedMultiplyAdd(new Vector<float>((float)s.B1), v, z2));
                z2 = Vector.FusedMultiplyAdd(new Vector<float>((float)-s.A2), o, new Vector<float>((float)s.B2) * v);
                v = o;
            }

            v.CopyTo(partial);
            partial[..width].CopyTo(at);
        }
    }

    /// <summary>Clears every channel's state.</summary>
    public void Reset() => Array.Clear(_state);
}
