// The terms of Knooppunt's reference taxonomies with their labels per UI language.
// Dutch (plain, B1) first: it is the source; the other languages follow UiLanguages() order
// (nl, en, ar, uk, tr, ti, fa, so, pl). Labels are short, the words a newcomer would use.
#include "domain/taxonomy.h"

namespace knooppunt::domain {
namespace {

// Needs (DESIGN.md "Social map"). Slugs are Dutch because they appear in page addresses
// (/thema/voedsel).
constexpr Label kArmoede[] = {{"nl", "Armoede, schulden en noodhulp"},
                              {"en", "Poverty, debts and urgent needs"},
                              {"ar", "الفقر والديون والمساعدة الطارئة"},
                              {"uk", "Бідність, борги та невідкладна допомога"},
                              {"tr", "Yoksulluk, borçlar ve acil yardım"},
                              {"ti", "ድኽነት፣ ዕዳን ህጹጽ ሓገዝን"},
                              {"fa", "فقر، بدهی و کمک فوری"},
                              {"so", "Saboolnimo, deyn iyo gargaar degdeg ah"},
                              {"pl", "Ubóstwo, długi i pilna pomoc"}};
constexpr Label kSchulden[] = {{"nl", "Schulden"}, {"en", "Debts"},   {"ar", "الديون"},
                               {"uk", "Борги"},    {"tr", "Borçlar"}, {"ti", "ዕዳ"},
                               {"fa", "بدهی"},     {"so", "Deymo"},   {"pl", "Długi"}};
constexpr Label kNoodhulp[] = {
    {"nl", "Noodhulp"},          {"en", "Emergency aid"},     {"ar", "مساعدة طارئة"},
    {"uk", "Екстрена допомога"}, {"tr", "Acil yardım"},       {"ti", "ህጹጽ ሓገዝ"},
    {"fa", "کمک اضطراری"},       {"so", "Gargaar degdeg ah"}, {"pl", "Pomoc doraźna"}};
constexpr Label kVoedsel[] = {{"nl", "Voedsel"}, {"en", "Food"},  {"ar", "الطعام"},
                              {"uk", "Їжа"},     {"tr", "Gıda"},  {"ti", "መግቢ"},
                              {"fa", "غذا"},     {"so", "Cunto"}, {"pl", "Żywność"}};
constexpr Label kKleding[] = {
    {"nl", "Kleding en spullen"}, {"en", "Clothing and goods"}, {"ar", "الملابس والأغراض"},
    {"uk", "Одяг і речі"},        {"tr", "Giysi ve eşya"},      {"ti", "ክዳውንትን ኣቑሑን"},
    {"fa", "لباس و وسایل"},       {"so", "Dhar iyo alaab"},     {"pl", "Ubrania i rzeczy"}};
constexpr Label kWonen[] = {{"nl", "Wonen"}, {"en", "Housing"},      {"ar", "السكن"},
                            {"uk", "Житло"}, {"tr", "Konut"},        {"ti", "መንበሪ ገዛ"},
                            {"fa", "مسکن"},  {"so", "Guri iyo hoy"}, {"pl", "Mieszkanie"}};
constexpr Label kWerk[] = {
    {"nl", "Werk en inkomen"}, {"en", "Work and income"},  {"ar", "العمل والدخل"},
    {"uk", "Робота і дохід"},  {"tr", "İş ve gelir"},      {"ti", "ስራሕን እቶትን"},
    {"fa", "کار و درآمد"},     {"so", "Shaqo iyo dakhli"}, {"pl", "Praca i dochód"}};
constexpr Label kTaal[] = {
    {"nl", "Nederlandse taal"},   {"en", "Dutch language"},    {"ar", "اللغة الهولندية"},
    {"uk", "Нідерландська мова"}, {"tr", "Hollandaca"},        {"ti", "ቋንቋ ሆላንድ"},
    {"fa", "زبان هلندی"},         {"so", "Luqadda Holandiga"}, {"pl", "Język niderlandzki"}};
constexpr Label kOnderwijs[] = {{"nl", "Onderwijs"}, {"en", "Education"},  {"ar", "التعليم"},
                                {"uk", "Освіта"},    {"tr", "Eğitim"},     {"ti", "ትምህርቲ"},
                                {"fa", "آموزش"},     {"so", "Waxbarasho"}, {"pl", "Edukacja"}};
constexpr Label kGezondheid[] = {{"nl", "Gezondheid"}, {"en", "Health"},    {"ar", "الصحة"},
                                 {"uk", "Здоров’я"},   {"tr", "Sağlık"},    {"ti", "ጥዕና"},
                                 {"fa", "سلامت"},      {"so", "Caafimaad"}, {"pl", "Zdrowie"}};
constexpr Label kVerslaving[] = {{"nl", "Drugs en alcohol"},    {"en", "Drugs and alcohol"},
                                 {"ar", "المخدرات والكحول"},    {"uk", "Наркотики та алкоголь"},
                                 {"tr", "Uyuşturucu ve alkol"}, {"ti", "ኣደንዛዚ ዕጸታትን ኣልኮልን"},
                                 {"fa", "مواد مخدر و الکل"},    {"so", "Daroogada iyo khamriga"},
                                 {"pl", "Narkotyki i alkohol"}};
constexpr Label kSoa[] = {{"nl", "Seksuele gezondheid en soa"},
                          {"en", "Sexual health and STDs"},
                          {"ar", "الصحة الجنسية والأمراض المنقولة جنسياً"},
                          {"uk", "Сексуальне здоров’я та венеричні хвороби"},
                          {"tr", "Cinsel sağlık ve cinsel yolla bulaşan hastalıklar"},
                          {"ti", "ጾታዊ ጥዕናን ብጾታዊ ርክብ ዝመሓላለፉ ሕማማትን"},
                          {"fa", "سلامت جنسی و بیماری‌های آمیزشی"},
                          {"so", "Caafimaadka galmada iyo cudurada galmada"},
                          {"pl", "Zdrowie seksualne i choroby weneryczne"}};
constexpr Label kRecht[] = {{"nl", "Recht en asielprocedure"},
                            {"en", "Legal help and asylum procedure"},
                            {"ar", "المساعدة القانونية وإجراءات اللجوء"},
                            {"uk", "Юридична допомога та процедура притулку"},
                            {"tr", "Hukuki yardım ve sığınma süreci"},
                            {"ti", "ሕጋዊ ሓገዝን መስርሕ ዑቕባን"},
                            {"fa", "کمک حقوقی و روند پناهندگی"},
                            {"so", "Caawimaad sharci iyo habka magangalyada"},
                            {"pl", "Pomoc prawna i procedura azylowa"}};
constexpr Label kInburgering[] = {{"nl", "Inburgering"},
                                  {"en", "Civic integration"},
                                  {"ar", "الاندماج (inburgering)"},
                                  {"uk", "Інтеграція (inburgering)"},
                                  {"tr", "Uyum (inburgering)"},
                                  {"ti", "ምውህሃድ (inburgering)"},
                                  {"fa", "ادغام (inburgering)"},
                                  {"so", "Is-dhexgalka (inburgering)"},
                                  {"pl", "Integracja (inburgering)"}};
constexpr Label kGeloof[] = {{"nl", "Geloof en gebedsruimte"},  {"en", "Religion and prayer space"},
                             {"ar", "الدين وأماكن الصلاة"},     {"uk", "Віра та місце для молитви"},
                             {"tr", "Din ve ibadet yeri"},      {"ti", "እምነትን ቦታ ጸሎትን"},
                             {"fa", "دین و مکان عبادت"},        {"so", "Diin iyo meel lagu tukado"},
                             {"pl", "Wiara i miejsce modlitwy"}};
constexpr Label kJongeren[] = {{"nl", "Jongeren"}, {"en", "Young people"},  {"ar", "الشباب"},
                               {"uk", "Молодь"},   {"tr", "Gençler"},       {"ti", "መንእሰያት"},
                               {"fa", "جوانان"},   {"so", "Dhallinyarada"}, {"pl", "Młodzież"}};
constexpr Label kOuderen[] = {
    {"nl", "Ouderen"},    {"en", "Older people"},       {"ar", "كبار السن"},
    {"uk", "Літні люди"}, {"tr", "Yaşlılar"},           {"ti", "ኣረጋውያን"},
    {"fa", "سالمندان"},   {"so", "Dadka waayeelka ah"}, {"pl", "Seniorzy"}};
constexpr Label kVrouwen[] = {{"nl", "Vrouwen"}, {"en", "Women"},    {"ar", "النساء"},
                              {"uk", "Жінки"},   {"tr", "Kadınlar"}, {"ti", "ደቂ ኣንስትዮ"},
                              {"fa", "زنان"},    {"so", "Haweenka"}, {"pl", "Kobiety"}};
constexpr Label kGezin[] = {{"nl", "Gezin en opvoeding"},       {"en", "Families and parenting"},
                            {"ar", "الأسرة وتربية الأطفال"},    {"uk", "Сім’я та виховання"},
                            {"tr", "Aile ve çocuk yetiştirme"}, {"ti", "ስድራን ኣተዓባብያ ቆልዑን"},
                            {"fa", "خانواده و تربیت فرزند"},    {"so", "Qoyska iyo barbaarinta"},
                            {"pl", "Rodzina i wychowanie"}};
constexpr Label kGeweld[] = {{"nl", "Huiselijk geweld en eergerelateerd geweld"},
                             {"en", "Domestic and honour-related violence"},
                             {"ar", "العنف الأسري والعنف المرتبط بالشرف"},
                             {"uk", "Домашнє насильство та насильство через «честь»"},
                             {"tr", "Aile içi şiddet ve namus şiddeti"},
                             {"ti", "ዓመጽ ኣብ ገዛን ምስ ክብሪ ዝተኣሳሰረ ዓመጽን"},
                             {"fa", "خشونت خانگی و خشونت ناموسی"},
                             {"so", "Rabshadaha qoyska iyo rabshadaha sharafta"},
                             {"pl", "Przemoc domowa i przemoc w imię honoru"}};
constexpr Label kRadicalisering[] = {{"nl", "Radicalisering voorkomen"},
                                     {"en", "Preventing radicalisation"},
                                     {"ar", "الوقاية من التطرف"},
                                     {"uk", "Запобігання радикалізації"},
                                     {"tr", "Radikalleşmeyi önleme"},
                                     {"ti", "ምክልካል ጽንፈኝነት"},
                                     {"fa", "پیشگیری از افراط‌گرایی"},
                                     {"so", "Ka hortagga xagjirnimada"},
                                     {"pl", "Zapobieganie radykalizacji"}};
constexpr Label kVrijwilligerswerk[] = {
    {"nl", "Vrijwilligerswerk"}, {"en", "Volunteering"},     {"ar", "العمل التطوعي"},
    {"uk", "Волонтерство"},      {"tr", "Gönüllülük"},       {"ti", "ወለንታዊ ስራሕ"},
    {"fa", "کار داوطلبانه"},     {"so", "Shaqo tabaruc ah"}, {"pl", "Wolontariat"}};
constexpr Label kMeedoen[] = {{"nl", "Meedoen in de buurt"},      {"en", "Social participation"},
                              {"ar", "المشاركة في الحي"},         {"uk", "Участь у житті громади"},
                              {"tr", "Mahalle hayatına katılım"}, {"ti", "ተሳትፎ ኣብ ከባቢ"},
                              {"fa", "مشارکت در محله"},           {"so", "Ka qaybgalka xaafadda"},
                              {"pl", "Udział w życiu lokalnym"}};

constexpr TermDefinition kNeedTerms[] = {
    {"armoede", "", kArmoede},
    {"schulden", "armoede", kSchulden},
    {"noodhulp", "armoede", kNoodhulp},
    {"voedsel", "", kVoedsel},
    {"kleding", "", kKleding},
    {"wonen", "", kWonen},
    {"werk", "", kWerk},
    {"taal", "", kTaal},
    {"onderwijs", "", kOnderwijs},
    {"gezondheid", "", kGezondheid},
    {"verslaving", "gezondheid", kVerslaving},
    {"seksuele-gezondheid", "gezondheid", kSoa},
    {"recht", "", kRecht},
    {"inburgering", "", kInburgering},
    {"geloof", "", kGeloof},
    {"jongeren", "", kJongeren},
    {"ouderen", "", kOuderen},
    {"vrouwen", "", kVrouwen},
    {"gezin", "", kGezin},
    {"geweld", "", kGeweld},
    {"radicalisering", "", kRadicalisering},
    {"vrijwilligerswerk", "", kVrijwilligerswerk},
    {"meedoen", "", kMeedoen},
};

// Organisation kinds (the issue "Foundation", item 4).
constexpr Label kMigrantChurch[] = {
    {"nl", "Migrantenkerk"},    {"en", "Migrant church"},           {"ar", "كنيسة مهاجرين"},
    {"uk", "Церква мігрантів"}, {"tr", "Göçmen kilisesi"},          {"ti", "ቤተ ክርስትያን ስደተኛታት"},
    {"fa", "کلیسای مهاجران"},   {"so", "Kaniisadda soo-galootiga"}, {"pl", "Kościół migrantów"}};
constexpr Label kMosque[] = {{"nl", "Moskee"}, {"en", "Mosque"},   {"ar", "مسجد"},
                             {"uk", "Мечеть"}, {"tr", "Cami"},     {"ti", "መስጊድ"},
                             {"fa", "مسجد"},   {"so", "Masaajid"}, {"pl", "Meczet"}};
constexpr Label kMigrantAssociation[] = {
    {"nl", "Migrantenorganisatie"}, {"en", "Migrant association"},
    {"ar", "جمعية مهاجرين"},        {"uk", "Організація мігрантів"},
    {"tr", "Göçmen derneği"},       {"ti", "ማሕበር ስደተኛታት"},
    {"fa", "انجمن مهاجران"},        {"so", "Urur soo-galooti"},
    {"pl", "Organizacja migrantów"}};
constexpr Label kUmbrella[] = {{"nl", "Koepelorganisatie"},     {"en", "Umbrella body"},
                               {"ar", "منظمة جامعة"},           {"uk", "Об’єднання організацій"},
                               {"tr", "Çatı kuruluşu"},         {"ti", "ጽላል ማሕበራት"},
                               {"fa", "سازمان چتری"},           {"so", "Urur dallad ah"},
                               {"pl", "Organizacja parasolowa"}};
constexpr Label kEmergencyAid[] = {
    {"nl", "Noodhulpbureau"},        {"en", "Emergency-aid office"},
    {"ar", "مكتب المساعدة الطارئة"}, {"uk", "Бюро екстреної допомоги"},
    {"tr", "Acil yardım bürosu"},    {"ti", "ቤት ጽሕፈት ህጹጽ ሓገዝ"},
    {"fa", "دفتر کمک اضطراری"},      {"so", "Xafiiska gargaarka degdegga ah"},
    {"pl", "Biuro pomocy doraźnej"}};
constexpr Label kVolunteerCentre[] = {
    {"nl", "Vrijwilligerscentrale"}, {"en", "Volunteer centre"},
    {"ar", "مركز المتطوعين"},        {"uk", "Волонтерський центр"},
    {"tr", "Gönüllü merkezi"},       {"ti", "ማእከል ወለንተኛታት"},
    {"fa", "مرکز داوطلبان"},         {"so", "Xarunta mutadawiciinta"},
    {"pl", "Centrum wolontariatu"}};
constexpr Label kLibrary[] = {{"nl", "Bibliotheek"}, {"en", "Library"},   {"ar", "مكتبة"},
                              {"uk", "Бібліотека"},  {"tr", "Kütüphane"}, {"ti", "ቤተ መጻሕፍቲ"},
                              {"fa", "کتابخانه"},    {"so", "Maktabad"},  {"pl", "Biblioteka"}};
constexpr Label kMunicipalTeam[] = {
    {"nl", "Gemeentelijk team"},     {"en", "Municipal team"},        {"ar", "فريق البلدية"},
    {"uk", "Служба муніципалітету"}, {"tr", "Belediye ekibi"},        {"ti", "ጉጅለ ምምሕዳር ከተማ"},
    {"fa", "تیم شهرداری"},           {"so", "Kooxda dowladda hoose"}, {"pl", "Zespół gminy"}};
constexpr Label kAsylumLocation[] = {{"nl", "Locatie van het COA"},
                                     {"en", "Asylum-agency location"},
                                     {"ar", "مركز استقبال طالبي اللجوء (COA)"},
                                     {"uk", "Центр COA для шукачів притулку"},
                                     {"tr", "COA sığınmacı merkezi"},
                                     {"ti", "ማእከል COA ንሓተትቲ ዑቕባ"},
                                     {"fa", "مرکز COA برای پناهجویان"},
                                     {"so", "Xarunta COA ee magangalyo-doonka"},
                                     {"pl", "Ośrodek COA dla azylantów"}};
constexpr Label kCompany[] = {{"nl", "Bedrijf"},  {"en", "Company"}, {"ar", "شركة"},
                              {"uk", "Компанія"}, {"tr", "Şirket"},  {"ti", "ትካል"},
                              {"fa", "شرکت"},     {"so", "Shirkad"}, {"pl", "Firma"}};
constexpr Label kFoundation[] = {
    {"nl", "Stichting"}, {"en", "Foundation"},     {"ar", "مؤسسة"},
    {"uk", "Фонд"},      {"tr", "Vakıf"},          {"ti", "ግብረ ሰናይ ማሕበር"},
    {"fa", "بنیاد"},     {"so", "Hay’ad samafal"}, {"pl", "Fundacja"}};

constexpr TermDefinition kOrganizationKindTerms[] = {
    {"migrant-church", "", kMigrantChurch},
    {"mosque", "", kMosque},
    {"migrant-association", "", kMigrantAssociation},
    {"umbrella-body", "", kUmbrella},
    {"emergency-aid-office", "", kEmergencyAid},
    {"volunteer-centre", "", kVolunteerCentre},
    {"library", "", kLibrary},
    {"municipal-team", "", kMunicipalTeam},
    {"asylum-agency-location", "", kAsylumLocation},
    {"company", "", kCompany},
    {"foundation", "", kFoundation},
};

// Communities served.
constexpr Label kEritrean[] = {{"nl", "Eritrese gemeenschap"},
                               {"en", "Eritrean community"},
                               {"ar", "الجالية الإريترية"},
                               {"uk", "Еритрейська громада"},
                               {"tr", "Eritre topluluğu"},
                               {"ti", "ኤርትራዊ ማሕበረሰብ"},
                               {"fa", "جامعه اریتره‌ای"},
                               {"so", "Bulshada Eritrea"},
                               {"pl", "Społeczność erytrejska"}};
constexpr Label kSyrian[] = {
    {"nl", "Syrische gemeenschap"}, {"en", "Syrian community"}, {"ar", "الجالية السورية"},
    {"uk", "Сирійська громада"},    {"tr", "Suriye topluluğu"}, {"ti", "ሶርያዊ ማሕበረሰብ"},
    {"fa", "جامعه سوری"},           {"so", "Bulshada Suuriya"}, {"pl", "Społeczność syryjska"}};
constexpr Label kMoroccan[] = {{"nl", "Marokkaanse Nederlanders"},
                               {"en", "Moroccan Dutch"},
                               {"ar", "الهولنديون من أصل مغربي"},
                               {"uk", "Нідерландці марокканського походження"},
                               {"tr", "Faslı Hollandalılar"},
                               {"ti", "ሆላንዳውያን ካብ ሞሮኮ"},
                               {"fa", "هلندی‌های مراکشی‌تبار"},
                               {"so", "Holandiyiinta asalka Marooko"},
                               {"pl", "Holendrzy marokańskiego pochodzenia"}};
constexpr Label kTurkish[] = {{"nl", "Turkse Nederlanders"},
                              {"en", "Turkish Dutch"},
                              {"ar", "الهولنديون من أصل تركي"},
                              {"uk", "Нідерландці турецького походження"},
                              {"tr", "Türk kökenli Hollandalılar"},
                              {"ti", "ሆላንዳውያን ካብ ቱርኪ"},
                              {"fa", "هلندی‌های ترک‌تبار"},
                              {"so", "Holandiyiinta asalka Turkiga"},
                              {"pl", "Holendrzy tureckiego pochodzenia"}};
constexpr Label kUkrainian[] = {{"nl", "Oekraïense gemeenschap"}, {"en", "Ukrainian community"},
                                {"ar", "الجالية الأوكرانية"},     {"uk", "Українська громада"},
                                {"tr", "Ukrayna topluluğu"},      {"ti", "ዩክረይናዊ ማሕበረሰብ"},
                                {"fa", "جامعه اوکراینی"},         {"so", "Bulshada Yukrayn"},
                                {"pl", "Społeczność ukraińska"}};
constexpr Label kAfghan[] = {{"nl", "Afghaanse gemeenschap"}, {"en", "Afghan community"},
                             {"ar", "الجالية الأفغانية"},     {"uk", "Афганська громада"},
                             {"tr", "Afgan topluluğu"},       {"ti", "ኣፍጋናዊ ማሕበረሰብ"},
                             {"fa", "جامعه افغانستانی"},      {"so", "Bulshada Afgaanistaan"},
                             {"pl", "Społeczność afgańska"}};
constexpr Label kSomali[] = {{"nl", "Somalische gemeenschap"}, {"en", "Somali community"},
                             {"ar", "الجالية الصومالية"},      {"uk", "Сомалійська громада"},
                             {"tr", "Somali topluluğu"},       {"ti", "ሶማላዊ ማሕበረሰብ"},
                             {"fa", "جامعه سومالیایی"},        {"so", "Bulshada Soomaaliyeed"},
                             {"pl", "Społeczność somalijska"}};
constexpr Label kPolish[] = {
    {"nl", "Poolse gemeenschap"}, {"en", "Polish community"},  {"ar", "الجالية البولندية"},
    {"uk", "Польська громада"},   {"tr", "Polonya topluluğu"}, {"ti", "ፖላንዳዊ ማሕበረሰብ"},
    {"fa", "جامعه لهستانی"},      {"so", "Bulshada Booland"},  {"pl", "Społeczność polska"}};
constexpr Label kGhanaian[] = {
    {"nl", "Ghanese gemeenschap"}, {"en", "Ghanaian community"}, {"ar", "الجالية الغانية"},
    {"uk", "Ганська громада"},     {"tr", "Gana topluluğu"},     {"ti", "ጋናዊ ማሕበረሰብ"},
    {"fa", "جامعه غنایی"},         {"so", "Bulshada Gaana"},     {"pl", "Społeczność ghańska"}};
constexpr Label kAllNewcomers[] = {{"nl", "Alle nieuwkomers"},
                                   {"en", "All newcomers"},
                                   {"ar", "جميع القادمين الجدد"},
                                   {"uk", "Усі новоприбулі"},
                                   {"tr", "Tüm yeni gelenler"},
                                   {"ti", "ኩሎም ሓደስቲ መጻእቲ"},
                                   {"fa", "همه تازه‌واردان"},
                                   {"so", "Dhammaan dadka cusub"},
                                   {"pl", "Wszyscy nowo przybyli"}};

constexpr TermDefinition kCommunityTerms[] = {
    {"eritrean", "", kEritrean},   {"syrian", "", kSyrian},
    {"moroccan", "", kMoroccan},   {"turkish", "", kTurkish},
    {"ukrainian", "", kUkrainian}, {"afghan", "", kAfghan},
    {"somali", "", kSomali},       {"polish", "", kPolish},
    {"ghanaian", "", kGhanaian},   {"all-newcomers", "", kAllNewcomers},
};

}  // namespace

std::span<const TermDefinition> NeedTerms() { return kNeedTerms; }
std::span<const TermDefinition> OrganizationKindTerms() { return kOrganizationKindTerms; }
std::span<const TermDefinition> CommunityTerms() { return kCommunityTerms; }

}  // namespace knooppunt::domain
