namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 27, child-rule: a child who comes with bruises or burns (again, every week) and is afraid, refuses, begs not
/// or cries to go home. Both halves are needed; either alone, or the fear of the dark at home, a happy trip home, a school
/// trip the child does not want to leave, is not this family. Our own phrasings (the non-English ones need a native
/// speaker's review).
/// </summary>
public sealed class CrisisDetectorChildHomeTests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>The family: the rules alone escalate it as a child at risk.</summary>
    [Theory]
    // Moved here from CrisisDetectorTests.CrisesTheRulesMiss: the rules catch it since session 27 (as stop 21 did).
    [InlineData("My daughter's teacher says she comes to school with bruises every week and is too afraid to go home")]
    [InlineData("The boy next door keeps turning up with burns on his arms and begs us not to send him back home")]
    [InlineData("My niece is terrified of going home after school, and she has new bruises on her legs again")]
    [InlineData("La petite de la voisine arrive encore à l'école avec des bleus et elle a peur de rentrer chez elle")]
    [InlineData("Mon élève pleure quand il faut rentrer à la maison et il a des brûlures sur les mains chaque semaine")]
    [InlineData("Mi alumna llega cada semana con moretones y tiene miedo de volver a casa")]
    [InlineData("El hijo de la vecina tiene quemaduras otra vez y nos suplica que no lo llevemos a casa")]
    [InlineData("Minha aluna chega na escola com hematomas toda semana e tem medo de voltar para casa")]
    [InlineData("O menino da vizinha chora quando tem que ir para casa e aparece com marcas roxas de novo")]
    [InlineData("Meine Schülerin kommt jede Woche mit blauen Flecken in die Schule und hat Angst, nach Hause zu gehen")]
    [InlineData("Der Junge von nebenan hat schon wieder Striemen am Rücken und weigert sich, nach Hause zu gehen")]
    [InlineData("Mwanafunzi wangu anakuja shuleni na michubuko kila wiki na anaogopa kurudi nyumbani")]
    [InlineData("Mtoto wa jirani analia akiambiwa kurudi nyumbani, ana majeraha mapya tena")]
    [InlineData("meri bhanji har hafte school mein neel ke nishaan leke aati hai aur ghar jaane se darti hai")]
    [InlineData("padosi ka beta ghar jaane ke naam se rone lagta hai, uske haath par jalne ke nishaan hain")]
    [InlineData("मेरी छात्रा हर हफ्ते चोट के निशान लेकर स्कूल आती है और घर जाने से डरती है")]
    [InlineData("पड़ोसी का बच्चा फिर से नील लेकर आया है और घर जाने से मना करता है")]
    [InlineData("تلميذتي تجي المدرسة كل أسبوع وعليها كدمات وخايفة ترجع البيت")]
    [InlineData("ابن الجيران يبكي لما يجي وقت الرجوع للبيت وعلى يديه حروق جديدة")]
    public void Detect_InjuriesAndAfraidToGoHome_RulesEscalateAChild(string text)
    {
        Assert.Contains(GuardCategories.CrisisChildAtRisk, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
        Assert.Contains(GuardCategories.CrisisChildAtRisk, new CrisisDetector(useModel: false).Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Look-alikes sharing the family's words: injuries from sport and glad to go home, fear of the dark at
    /// home without injuries, a trip the child does not want to leave. The rules alone do not escalate them.</summary>
    [Theory]
    [InlineData("My son comes home with bruises from football every week and is always happy to go home after training")]
    [InlineData("He has burns from cooking class and doesn't want to go home yet, the party is great")]
    [InlineData("My daughter is afraid of the dark at home, and on the school trip she didn't want to go home because it was so much fun")]
    [InlineData("Mon fils a des bleus après le rugby chaque semaine et il est content de rentrer à la maison")]
    [InlineData("Ma fille a peur du noir à la maison et en classe verte elle ne voulait pas rentrer tellement c'était bien")]
    [InlineData("Mi hijo llega con moretones del fútbol cada semana y está feliz de volver a casa")]
    [InlineData("Mi hija tiene miedo a la oscuridad en casa y en la excursión no quería volver porque se divertía")]
    [InlineData("Meu filho tem hematomas do futebol toda semana e fica feliz de voltar para casa")]
    [InlineData("Minha filha tem medo do escuro em casa e na excursão não queria voltar de tanto que gostou")]
    [InlineData("Mein Sohn hat jede Woche blaue Flecken vom Fußball und freut sich, nach Hause zu gehen")]
    [InlineData("Meine Tochter hat Angst im Dunkeln zu Hause, und auf der Klassenfahrt wollte sie gar nicht heim, so schön war es")]
    [InlineData("Mwanangu ana michubuko ya mpira kila wiki na anafurahi kurudi nyumbani")]
    [InlineData("Binti yangu anaogopa giza nyumbani, na kwenye safari ya shule hakutaka kuondoka kwa sababu alifurahi")]
    [InlineData("beta football se chot leke aata hai har hafte aur ghar jaane ke liye khush rehta hai")]
    [InlineData("beti ko ghar mein andhere se dar lagta hai, school trip par itna maza aaya ki wapas nahi aana tha")]
    [InlineData("बेटा हर हफ्ते फुटबॉल से चोट लेकर आता है और घर जाने पर खुश होता है")]
    [InlineData("बेटी को घर में अंधेरे से डर लगता है, स्कूल ट्रिप पर इतना मज़ा आया कि लौटना नहीं चाहती थी")]
    [InlineData("ابني يرجع من الكورة كل أسبوع وعليه كدمات وفرحان يرجع البيت")]
    [InlineData("بنتي تخاف من الظلام في البيت، وفي رحلة المدرسة ما كانت تبغى ترجع لأنها انبسطت")]
    public void Detect_LookAlikeWithoutTheWholeFamily_RulesDoNotEscalate(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }
}
