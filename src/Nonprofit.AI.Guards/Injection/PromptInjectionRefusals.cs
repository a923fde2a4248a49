using System;
using System.Collections.Generic;

namespace Nonprofit.AI.Guards;

/// <summary>The default refusals of <see cref="PromptInjectionShieldChatClient"/>, by language (ISO 639-1, optionally <c>-Script</c>).</summary>
internal static class PromptInjectionRefusals
{
    public static Dictionary<string, string> Defaults() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "I can't follow instructions that try to change how I work or to reveal private information. I'm happy to help with your question in another way.",
        ["fr"] = "Je ne peux pas suivre des instructions qui cherchent à changer mon fonctionnement ou à révéler des informations privées. Je vous aide volontiers autrement.",
        ["es"] = "No puedo seguir instrucciones que intentan cambiar cómo funciono o revelar información privada. Con gusto te ayudo de otra manera.",
        ["pt"] = "Não posso seguir instruções que tentam mudar a forma como funciono ou revelar informações privadas. Posso ajudar de outra forma.",
        ["sw"] = "Siwezi kufuata maagizo yanayojaribu kubadilisha jinsi ninavyofanya kazi au kufichua taarifa za faragha. Nitafurahi kukusaidia kwa njia nyingine.",
        ["hi"] = "मैं ऐसे निर्देशों का पालन नहीं कर सकता जो मेरे काम करने का तरीका बदलने या निजी जानकारी बताने की कोशिश करते हैं। मैं किसी और तरह से आपकी मदद करने को तैयार हूँ।",
        ["hi-Latn"] = "Main aise nirdeshon ka paalan nahin kar sakta jo mere kaam karne ka tareeka badalne ya niji jaankari batane ki koshish karte hain. Main kisi aur tarah se aapki madad karne ko taiyaar hoon.",
        ["ar"] = "لا أستطيع اتباع تعليمات تحاول تغيير طريقة عملي أو كشف معلومات خاصة. يسعدني مساعدتك بطريقة أخرى.",
        ["de"] = "Ich kann keine Anweisungen befolgen, die meine Arbeitsweise ändern oder private Informationen preisgeben sollen. Gern helfe ich Ihnen auf andere Weise.",
    };
}
