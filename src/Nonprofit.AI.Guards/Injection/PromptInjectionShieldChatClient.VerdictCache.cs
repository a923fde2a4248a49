using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

public sealed partial class PromptInjectionShieldChatClient
{
    /// <summary>
    /// The length (in chars) from which a text's detection is cached. Below it, detection costs little next to a
    /// dictionary lookup and a hash, and short messages rarely come back verbatim; measured in docs/guards.md
    /// ("Session 27: robustness").
    /// </summary>
    internal const int MinCachedLength = 4_096;

    /// <summary>The most detections the cache keeps (a few KB of keys; the detections are small).</summary>
    internal const int VerdictCacheCapacity = 1_024;

    /// <summary>How many detections the cache holds now (tests).</summary>
    internal int VerdictCacheCount => _cache.Count;

    private GuardDetection Detect(string text, PromptInjectionSource source) =>
        text.Length < MinCachedLength ? _detector.Detect(text, source) : _cache.GetOrDetect(text, source, _detector);

    /// <summary>
    /// Detections of long texts, keyed on a SHA-256 hash of the text (a collision-resistant hash: a text made to
    /// collide with a cached benign one would otherwise skip detection), its length and its source. Thread-safe;
    /// bounded, first in first out.
    /// </summary>
    private sealed class VerdictCache
    {
        private readonly Dictionary<Key, GuardDetection> _entries = [];
        private readonly Queue<Key> _order = new();
        private readonly Lock _lock = new();

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _entries.Count;
                }
            }
        }

        public GuardDetection GetOrDetect(string text, PromptInjectionSource source, IPromptInjectionDetector detector)
        {
            var key = KeyOf(text, source);
            lock (_lock)
            {
                if (_entries.TryGetValue(key, out var cached))
                {
                    return cached;
                }
            }

            var detection = detector.Detect(text, source); // outside the lock: detection of a large text takes long
            lock (_lock)
            {
                if (_entries.TryAdd(key, detection))
                {
                    _order.Enqueue(key);
                    if (_order.Count > VerdictCacheCapacity)
                    {
                        _entries.Remove(_order.Dequeue());
                    }
                }
            }

            return detection;
        }

        private static Key KeyOf(string text, PromptInjectionSource source)
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), hash);
            var words = MemoryMarshal.Cast<byte, ulong>(hash);
            return new Key(words[0], words[1], words[2], words[3], text.Length, source);
        }

        private readonly record struct Key(ulong A, ulong B, ulong C, ulong D, int Length, PromptInjectionSource Source);
    }
}
