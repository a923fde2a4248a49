using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Nonprofit.Signals;

/// <summary>
/// The vector operations a kernel needs, for one vector width: kernels are written once, generic over an
/// implementation of this interface, and the caller picks the widest width the machine accelerates
/// (<see cref="Simd512"/>, <see cref="Simd256"/>, <see cref="Simd128"/>), the way System.Numerics.Tensors'
/// TensorPrimitives does. The JIT specialises each instantiation, so the abstraction costs nothing.
/// </summary>
/// <typeparam name="TVector">The vector type, e.g. <see cref="Vector256{T}"/> of float.</typeparam>
internal interface ISimd<TVector>
    where TVector : struct
{
    /// <summary>Gets the number of float lanes.</summary>
    static abstract int Count { get; }

    /// <summary>Gets whether this width runs in hardware on this machine (otherwise it is emulated: correct, slow).</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>All lanes set to <paramref name="value"/>.</summary>
    static abstract TVector Create(float value);

    /// <summary>Loads <see cref="Count"/> floats from <paramref name="source"/> + <paramref name="offset"/>.</summary>
    static abstract TVector Load(ref float source, nuint offset);

    /// <summary>Stores the lanes at <paramref name="destination"/> + <paramref name="offset"/>.</summary>
    static abstract void Store(TVector value, ref float destination, nuint offset);

    /// <summary>a · b + addend per lane, rounded once.</summary>
    static abstract TVector FusedMultiplyAdd(TVector a, TVector b, TVector addend);
}

/// <summary>128-bit vectors: SSE on x64, AdvSimd on Arm64 (phones).</summary>
internal readonly struct Simd128 : ISimd<Vector128<float>>
{
    public static int Count => Vector128<float>.Count;

    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Create(float value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(ref float source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FusedMultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> addend) => Vector128.FusedMultiplyAdd(a, b, addend);
}

/// <summary>256-bit vectors: AVX2 on x64.</summary>
internal readonly struct Simd256 : ISimd<Vector256<float>>
{
    public static int Count => Vector256<float>.Count;

    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Create(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> FusedMultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> addend) => Vector256.FusedMultiplyAdd(a, b, addend);
}

/// <summary>512-bit vectors: AVX-512 on x64.</summary>
internal readonly struct Simd512 : ISimd<Vector512<float>>
{
    public static int Count => Vector512<float>.Count;

    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Create(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> FusedMultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> addend) => Vector512.FusedMultiplyAdd(a, b, addend);
}
