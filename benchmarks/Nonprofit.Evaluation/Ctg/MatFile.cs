using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>MATLAB array classes this reader understands (the FHRMA .mat files use struct, cell, char and double).</summary>
internal enum MatClass
{
    Cell = 1,
    Struct = 2,
    Char = 4,
    Double = 6,
    Single = 7,
    Int8 = 8,
    UInt8 = 9,
    Int16 = 10,
    UInt16 = 11,
    Int32 = 12,
    UInt32 = 13,
    Int64 = 14,
    UInt64 = 15,
}

/// <summary>
/// One MATLAB array: numeric arrays as doubles (column-major), char arrays as text, cells as their elements, structs
/// as one field map per element (column-major).
/// </summary>
internal sealed class MatArray
{
    public required string Name { get; init; }

    public required MatClass Class { get; init; }

    public required int[] Dimensions { get; init; }

    public double[] Real { get; init; } = [];

    public string Text { get; init; } = "";

    public MatArray[] Cells { get; init; } = [];

    public string[] FieldNames { get; init; } = [];

    /// <summary>Struct elements (column-major), each a field name to value map.</summary>
    public IReadOnlyDictionary<string, MatArray>[] Elements { get; init; } = [];

    public int Count => Dimensions.Aggregate(1, (a, b) => a * b);

    public int Rows => Dimensions.Length > 0 ? Dimensions[0] : 0;

    public int Columns => Dimensions.Length > 1 ? Dimensions[1] : 1;

    /// <summary>Element (row, column) of a 2-D numeric array (column-major storage).</summary>
    public double this[int row, int column] => Real[row + (column * Rows)];
}

/// <summary>
/// A minimal reader for MATLAB Level-5 MAT-files (v5/v7, not HDF5 v7.3), as documented in "MAT-File Format"
/// (The MathWorks, 2023) and summarised in ../shared/data/ctg/README.md: a 128-byte header ("IM" little-endian),
/// then tagged data elements, each top-level variable a zlib-compressed (miCOMPRESSED) miMATRIX. Numeric data stored
/// in a smaller integer type is widened to double.
/// </summary>
internal static class MatFile
{
    private const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6, MiSingle = 7, MiDouble = 9,
        MiInt64 = 12, MiUInt64 = 13, MiMatrix = 14, MiCompressed = 15, MiUtf8 = 16, MiUtf16 = 17, MiUtf32 = 18;

    public static Dictionary<string, MatArray> Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads every variable of the file.</summary>
    /// <exception cref="FormatException">The file is not a little-endian Level-5 MAT-file or an element is malformed; the message gives the byte offset.</exception>
    public static Dictionary<string, MatArray> Read(byte[] file)
    {
        if (file.Length < 128 || !Encoding.ASCII.GetString(file, 0, 6).StartsWith("MATLAB", StringComparison.Ordinal))
        {
            throw new FormatException("Not a MATLAB Level-5 MAT-file (header at byte 0).");
        }

        if (file[126] != (byte)'I' || file[127] != (byte)'M')
        {
            throw new FormatException("Only little-endian MAT-files are supported (endian indicator at byte 126).");
        }

        var variables = new Dictionary<string, MatArray>(StringComparer.Ordinal);
        var offset = 128;
        while (offset + 8 <= file.Length)
        {
            var (type, size, dataOffset, next) = Tag(file, offset);
            if (type == MiCompressed)
            {
                using var inflate = new ZLibStream(new MemoryStream(file, dataOffset, size), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                inflate.CopyTo(buffer);
                var inner = buffer.ToArray();
                var (innerType, innerSize, innerData, _) = Tag(inner, 0);
                if (innerType != MiMatrix)
                {
                    throw new FormatException($"A compressed element at byte {offset} does not hold a matrix.");
                }

                var array = Matrix(inner, innerData, innerSize);
                variables[array.Name] = array;
            }
            else if (type == MiMatrix)
            {
                var array = Matrix(file, dataOffset, size);
                variables[array.Name] = array;
            }

            offset = next;
        }

        return variables;
    }

    /// <summary>Reads a tag (long or small form) at <paramref name="offset"/>.</summary>
    private static (int Type, int Size, int Data, int Next) Tag(byte[] b, int offset)
    {
        if (offset + 8 > b.Length)
        {
            throw new FormatException($"Truncated element tag at byte {offset}.");
        }

        var first = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(offset));
        if ((first >> 16) != 0)
        {
            return ((int)(first & 0xFFFF), (int)(first >> 16), offset + 4, offset + 8);
        }

        var size = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(offset + 4));
        if (size < 0 || offset + 8L + size > b.Length)
        {
            throw new FormatException($"Element at byte {offset} runs past the end of its container.");
        }

        return ((int)first, size, offset + 8, offset + 8 + ((size + 7) & ~7));
    }

    private static MatArray Matrix(byte[] b, int start, int size)
    {
        var end = start + size;
        if (size == 0)
        {
            return new MatArray { Name = "", Class = MatClass.Double, Dimensions = [0, 0] };
        }

        var (_, flagsSize, flagsData, next) = Tag(b, start);
        if (flagsSize < 8)
        {
            throw new FormatException($"Array flags too short at byte {start}.");
        }

        var flags = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(flagsData));
        var cls = (MatClass)(flags & 0xFF);
        var (_, dimSize, dimData, afterDims) = Tag(b, next);
        var dims = new int[dimSize / 4];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(dimData + (4 * i)));
        }

        var (_, nameSize, nameData, afterName) = Tag(b, afterDims);
        var name = Encoding.ASCII.GetString(b, nameData, nameSize);
        var count = dims.Aggregate(1, (x, y) => x * y);
        var position = afterName;
        switch (cls)
        {
            case MatClass.Cell:
                {
                    var cells = new MatArray[count];
                    for (var i = 0; i < count; i++)
                    {
                        var (t, s, d, n) = Tag(b, position);
                        cells[i] = t == MiMatrix ? Matrix(b, d, s) : throw new FormatException($"Cell element at byte {position} is not a matrix.");
                        position = n;
                    }

                    return new MatArray { Name = name, Class = cls, Dimensions = dims, Cells = cells };
                }

            case MatClass.Struct:
                {
                    var (_, _, lengthData, afterLength) = Tag(b, position);
                    var fieldLength = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(lengthData));
                    var (_, namesSize, namesData, afterNames) = Tag(b, afterLength);
                    var fields = new string[fieldLength == 0 ? 0 : namesSize / fieldLength];
                    for (var f = 0; f < fields.Length; f++)
                    {
                        var raw = b.AsSpan(namesData + (f * fieldLength), fieldLength);
                        var zero = raw.IndexOf((byte)0);
                        fields[f] = Encoding.ASCII.GetString(zero < 0 ? raw : raw[..zero]);
                    }

                    position = afterNames;
                    var elements = new IReadOnlyDictionary<string, MatArray>[count];
                    for (var i = 0; i < count; i++)
                    {
                        var map = new Dictionary<string, MatArray>(StringComparer.Ordinal);
                        foreach (var field in fields)
                        {
                            var (t, s, d, n) = Tag(b, position);
                            map[field] = t == MiMatrix ? Matrix(b, d, s) : throw new FormatException($"Struct field at byte {position} is not a matrix.");
                            position = n;
                        }

                        elements[i] = map;
                    }

                    return new MatArray { Name = name, Class = cls, Dimensions = dims, FieldNames = fields, Elements = elements };
                }

            case MatClass.Char:
                {
                    if (position >= end)
                    {
                        return new MatArray { Name = name, Class = cls, Dimensions = dims };
                    }

                    var (t, s, d, _) = Tag(b, position);
                    var text = t switch
                    {
                        MiUtf8 or MiUInt8 or MiInt8 => Encoding.UTF8.GetString(b, d, s),
                        MiUtf16 or MiUInt16 => Encoding.Unicode.GetString(b, d, s),
                        MiUtf32 => Encoding.UTF32.GetString(b, d, s),
                        _ => throw new FormatException($"Unsupported char data type {t} at byte {position}."),
                    };
                    return new MatArray { Name = name, Class = cls, Dimensions = dims, Text = text };
                }

            default:
                {
                    if (cls is < MatClass.Double or > MatClass.UInt64)
                    {
                        throw new FormatException($"Unsupported array class {(int)cls} at byte {start}.");
                    }

                    if ((flags & 0x800) != 0)
                    {
                        throw new FormatException($"Complex arrays are not supported (byte {start}).");
                    }

                    var real = new double[count];
                    if (count > 0)
                    {
                        var (t, s, d, _) = Tag(b, position);
                        Numbers(b.AsSpan(d, s), t, real, position);
                    }

                    return new MatArray { Name = name, Class = cls, Dimensions = dims, Real = real };
                }
        }
    }

    private static void Numbers(ReadOnlySpan<byte> data, int type, double[] destination, int position)
    {
        var width = type switch
        {
            MiInt8 or MiUInt8 => 1,
            MiInt16 or MiUInt16 => 2,
            MiInt32 or MiUInt32 or MiSingle => 4,
            MiDouble or MiInt64 or MiUInt64 => 8,
            _ => throw new FormatException($"Unsupported numeric data type {type} at byte {position}."),
        };
        if (data.Length < destination.Length * width)
        {
            throw new FormatException($"Numeric data at byte {position} is shorter than the dimensions say.");
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var x = data[(i * width)..];
            destination[i] = type switch
            {
                MiInt8 => (sbyte)x[0],
                MiUInt8 => x[0],
                MiInt16 => BinaryPrimitives.ReadInt16LittleEndian(x),
                MiUInt16 => BinaryPrimitives.ReadUInt16LittleEndian(x),
                MiInt32 => BinaryPrimitives.ReadInt32LittleEndian(x),
                MiUInt32 => BinaryPrimitives.ReadUInt32LittleEndian(x),
                MiSingle => BinaryPrimitives.ReadSingleLittleEndian(x),
                MiInt64 => BinaryPrimitives.ReadInt64LittleEndian(x),
                MiUInt64 => BinaryPrimitives.ReadUInt64LittleEndian(x),
                _ => BinaryPrimitives.ReadDoubleLittleEndian(x),
            };
        }
    }
}
