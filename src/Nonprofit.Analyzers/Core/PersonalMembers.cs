using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Nonprofit.Analyzers.Core;

/// <summary>The personal properties and fields of a type (public, instance), by classification or by name.</summary>
internal static class PersonalMembers
{
    /// <summary>The type's own and inherited public instance properties (and public fields) that are personal.</summary>
    public static IEnumerable<ISymbol> Of(ITypeSymbol type, PersonalDataNames names, bool includeInherited = true)
    {
        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = includeInherited ? current.BaseType : null)
        {
            foreach (var member in current.GetMembers())
            {
                if (IsPersonal(member, names))
                {
                    yield return member;
                }
            }

            if (type.IsAnonymousType)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Whether a member is a public instance property (not an indexer) or field that is personal: by name first (a
    /// cached string test), then by classification (which binds the member's attributes).
    /// </summary>
    public static bool IsPersonal(ISymbol member, PersonalDataNames names)
    {
        if (member.IsStatic || member.IsImplicitlyDeclared || member.DeclaredAccessibility != Accessibility.Public)
        {
            return false;
        }

        var memberType = member switch
        {
            IPropertySymbol { IsIndexer: false } property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        return memberType is not null
            && ((names.IsPersonal(member.Name) && PersonalDataFinder.CanHoldPersonalData(memberType)) || Classification.IsClassified(member));
    }

    /// <summary>The element type of arrays and generic collections (<c>List&lt;Person&gt;</c> gives <c>Person</c>), else the type itself.</summary>
    public static ITypeSymbol Unwrap(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && generic.SpecialType == SpecialType.None
            && !generic.IsRecord && generic.TypeKind != TypeKind.Struct)
        {
            foreach (var implemented in generic.AllInterfaces)
            {
                if (implemented.Name == "IEnumerable" && implemented.IsGenericType)
                {
                    return generic.TypeArguments[0];
                }
            }
        }

        return type;
    }

    /// <summary>Whether a member is excluded from JSON or written through a converter whose name says it redacts.</summary>
    public static bool IsIgnoredOrRedactedInJson(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (name is "JsonIgnoreAttribute" or "JsonIgnore" or "IgnoreDataMemberAttribute" or "NonSerializedAttribute")
            {
                return true;
            }

            if (name is "JsonConverterAttribute" or "JsonConverter" && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is ITypeSymbol converter && PersonalDataFinder.IsRedactingName(converter.Name))
            {
                return true;
            }
        }

        return false;
    }

    public static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    public static bool IsPlainType(ITypeSymbol type) =>
        type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Error
        || type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
}
