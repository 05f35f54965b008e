// The demo social map as tables of constant data and a few loops that turn them into HSDS records.
// Organisations come in three shapes: one per city from a template (food banks, libraries, ...),
// named rows that share a pool of services (churches, mosques, associations, ...), and a few
// special organisations from the source texts with services of their own. Everything that varies
// (street, house number, coordinates, dates, opening hours) is chosen by a hash of a stable key,
// so adding a row never changes the others.
#include "app/demo_data.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/split.h"
#include "domain/taxonomy.h"
#include "domain/uuid.h"

namespace knooppunt::app {
namespace {

using domain::Record;
using domain::Split;
using domain::Table;

// ---------------------------------------------------------------------------------------------
// Places

struct City {
  std::string_view key;
  std::string_view name;
  std::string_view municipality;
  std::string_view province;
  int size;         // 1 small town, 2 medium city, 3 large city: larger places get more services
  double latitude;  // the centre; locations lie within a few hundred metres of it
  double longitude;
  std::string_view area_code;        // telephone
  std::string_view postal_prefixes;  // the four digits of postcodes in and around the centre
  std::string_view streets;          // real streets near the centre
};

// clang-format off
constexpr City kCities[] = {
    {"den-haag", "Den Haag", "Den Haag", "Zuid-Holland", 3, 52.0705, 4.3007, "070",
     "2512,2513,2515,2518,2521,2525,2526,2572",
     "Hoefkade,Vaillantlaan,Paul Krugerlaan,Wagenstraat,Prinsegracht,Hobbemastraat,"
     "Jan Hendrikstraat,Loosduinseweg,Weimarstraat,Delftselaan,Laakkade,"
     "Zuiderparklaan,Stationsweg,Herengracht"},
    {"rijswijk", "Rijswijk", "Rijswijk", "Zuid-Holland", 1, 52.0367, 4.3250, "070",
     "2281,2282,2283,2284,2285,2286,2287,2288",
     "Herenstraat,Steenvoordelaan,Generaal Spoorlaan,Haagweg,"
     "Van Vredenburchweg,Lindelaan,Sir Winston Churchilllaan"},
    {"zoetermeer", "Zoetermeer", "Zoetermeer", "Zuid-Holland", 2, 52.0575, 4.4931, "079",
     "2711,2712,2713,2715,2717,2719,2721,2722,2725",
     "Dorpsstraat,Europaweg,Voorweg,Zegwaartseweg,Amerikaweg,Stadhuisplein,Oosterheemplein"},
    {"delft", "Delft", "Delft", "Zuid-Holland", 2, 52.0116, 4.3571, "015",
     "2611,2612,2613,2614,2616,2622,2624,2625,2628",
     "Oude Delft,Voldersgracht,Westvest,Phoenixstraat,Brabantse Turfmarkt,Vrijenbanselaan,"
     "Papsouwselaan,Buitenhofdreef,Koornmarkt"},
    {"utrecht", "Utrecht", "Utrecht", "Utrecht", 3, 52.0907, 5.1214, "030",
     "3511,3512,3513,3514,3521,3522,3531,3532,3553",
     "Oudegracht,Neude,Lange Viestraat,Nobelstraat,Biltstraat,Twijnstraat,Lange Nieuwstraat,"
     "Kanaalstraat,Damstraat,Croeselaan,Catharijnesingel,Amsterdamsestraatweg"},
    {"enschede", "Enschede", "Enschede", "Overijssel", 3, 52.2215, 6.8937, "053",
     "7511,7512,7513,7514,7521,7522,7523,7531,7543",
     "Oude Markt,Haaksbergerstraat,Hengelosestraat,Gronausestraat,Kuipersdijk,Deurningerstraat,"
     "Lasondersingel,Molenstraat,Van Lochemstraat,Walstraat,Noorderhagen"},
    {"groningen", "Groningen", "Groningen", "Groningen", 3, 53.2194, 6.5665, "050",
     "9711,9712,9713,9714,9715,9716,9718,9721,9725",
     "Oude Ebbingestraat,Vismarkt,Herestraat,Oosterstraat,Korreweg,Damsterdiep,Hereweg,"
     "Paterswoldseweg,Folkingestraat,Zuiderdiep,Oude Boteringestraat,Peizerweg"},
    {"hoogezand", "Hoogezand", "Midden-Groningen", "Groningen", 1, 53.1616, 6.7606, "0598",
     "9601,9602,9603,9606,9607", "Hoofdstraat,Kalkwijk,Gorecht-Oost"},
    {"veendam", "Veendam", "Veendam", "Groningen", 1, 53.1066, 6.8762, "0598",
     "9641,9642,9643,9645,9646", "Kerkstraat,Boven Oosterdiep,Beneden Westerdiep,Museumplein"},
    {"stadskanaal", "Stadskanaal", "Stadskanaal", "Groningen", 1, 52.9910, 6.9509, "0599",
     "9501,9502,9503", "Navolaan,Stationsstraat,Poststraat"},
    {"leeuwarden", "Leeuwarden", "Leeuwarden", "Fryslân", 2, 53.2012, 5.7999, "058",
     "8911,8912,8913,8914,8916,8917,8921,8924,8932",
     "Nieuwestad,Voorstreek,Tweebaksmarkt,Wirdumerdijk,Ruiterskwartier,Kleine Kerkstraat,"
     "Tesselschadestraat,Sint Jacobsstraat,Huizumerlaan,Zaailand"},
    {"drachten", "Drachten", "Smallingerland", "Fryslân", 1, 53.1073, 6.0997, "0512",
     "9201,9202,9203,9204,9206", "Raadhuisplein,Noordkade,Zuidkade,Moleneind"},
    {"heerenveen", "Heerenveen", "Heerenveen", "Fryslân", 1, 52.9597, 5.9208, "0513",
     "8441,8442,8443,8446,8448", "Dracht,Herenwal,Van Kleffenslaan"},
    {"sneek", "Sneek", "Súdwest-Fryslân", "Fryslân", 1, 53.0326, 5.6589, "0515",
     "8601,8602,8603,8604,8606",
     "Marktstraat,Oosterdijk,Kleinzand,Grootzand,Leeuwarderweg,Stationsstraat"},
};

// The help desk ("loket") a city's organisations belong to: HSDS address.region, the scope of
// help-desk staff.
std::string_view HelpDeskRegion(const City& city) {
  if (city.province == "Zuid-Holland") return "Haaglanden";
  if (city.province == "Overijssel") return "Twente";
  if (city.province == "Fryslân") return "Friesland";
  return city.province;  // Utrecht, Groningen
}
// clang-format on

// How to get there, for some locations.
constexpr std::string_view kTransportation[] = {
    "Vijf minuten lopen vanaf het station.",
    "Bus en tram stoppen vlak voor de deur.",
    "Fietsenstalling aan de achterkant van het gebouw.",
    "Gratis parkeren op het plein naast het gebouw.",
};

// Opening hours: "MO,WE 09:00-12:30" is weekly; "M:1TH 19:30-21:30" is the first Thursday of
// each month; ';' separates schedules. A ServiceDef may say "*" (one of kCommonHours) or "*SU"
// (one of kSundayHours) instead, so that the same kind of service opens at different times.
constexpr std::string_view kCommonHours[] = {
    "MO,WE,FR 09:00-12:30", "TU,TH 13:30-16:30",
    "WE 14:00-17:00",       "SA 10:00-13:00",
    "MO,TU,TH 09:30-12:00", "TH 18:30-20:30",
    "FR 13:00-16:00",       "TU 09:00-12:00;TH 13:00-16:00",
    "WE,SA 10:00-12:00",    "MO 19:00-21:00",
    "TU,WE,TH 10:00-15:00", "MO,FR 13:30-15:30",
};
constexpr std::string_view kSundayHours[] = {
    "SU 11:00-13:30", "SU 13:30-16:00", "SU 10:00-12:00", "SA 18:00-20:00;SU 14:00-16:30",
    "SU 15:00-17:30",
};

// ISO 639-1 where it exists, else 639-3; names in Dutch, as a Dutch page shows them.
struct LanguageName {
  std::string_view code;
  std::string_view name;
};
constexpr LanguageName kLanguages[] = {
    {"nl", "Nederlands"}, {"en", "Engels"},     {"ar", "Arabisch"},  {"ti", "Tigrinya"},
    {"tr", "Turks"},      {"zgh", "Tamazight"}, {"uk", "Oekraïens"}, {"fa", "Farsi"},
    {"so", "Somalisch"},  {"pl", "Pools"},      {"ru", "Russisch"},  {"am", "Amhaars"},
    {"prs", "Dari"},      {"ps", "Pasjtoe"},    {"ku", "Koerdisch"}, {"fr", "Frans"},
    {"es", "Spaans"},     {"pt", "Portugees"},  {"zh", "Chinees"},   {"id", "Indonesisch"},
    {"tw", "Twi"},        {"yo", "Yoruba"},     {"ta", "Tamil"},     {"tl", "Tagalog"},
    {"ln", "Lingala"},    {"sw", "Swahili"},
};

// ---------------------------------------------------------------------------------------------
// Services. Texts are plain Dutch (B1); "{plaats}" becomes the city, "{gemeente}" the municipality
// and "{taal}" the organisation's first language ("Tigrinya").

struct ServiceDef {
  std::string_view key = {};  // unique over all pools; part of the ids of every instance
  std::string_view name = {};
  std::string_view description = {};
  std::string_view alt_description =
      {};                             // another wording for every second organisation; may be empty
  std::string_view needs = {};        // one to three need slugs
  std::string_view schedule = {};     // see kCommonHours; empty: no fixed hours
  std::string_view languages = {};    // offered besides Dutch and the organisation's languages
  std::string_view application = {};  // empty: a default that fits the schedule
  std::string_view eligibility = {};
  std::string_view fees = "Gratis";
  int min_age = 0;
  int max_age = 0;
  int min_city_size = 0;            // template organisations offer it only in cities this large
  std::string_view documents = {};  // required documents, ';'-separated
  std::string_view program = {};    // key of a ProgramDef
  std::string_view locations = {};  // indexes of the organisation's locations; empty: the first
  bool phone = false;               // has a telephone number of its own
  bool interpreter = false;         // a telephone interpreter can be arranged
  std::string_view wait_time = {};
};

// clang-format off
constexpr ServiceDef kFoodBankServices[] = {
    {.key = "voedselpakket", .name = "Voedselpakket ophalen",
     .description = "Eén keer per week haalt u een gratis voedselpakket op bij het "
                    "uitdeelpunt. In het pakket zitten brood, groente, zuivel en "
                    "houdbare producten voor ongeveer drie dagen.",
     .alt_description = "Heeft u na de intake een pasje gekregen? Dan haalt u elke week op een "
                        "vaste tijd uw pakket op. Neem zelf een stevige tas mee.",
     .needs = "voedsel,armoede", .schedule = "*",
     .application = "Na een intakegesprek krijgt u een pasje. Daarmee "
                    "haalt u elke week uw pakket op.",
     .eligibility = "Voor huishoudens die na het betalen van de vaste lasten "
                    "te weinig overhouden voor boodschappen."},
    {.key = "voedselbank-intake", .name = "Intake voor de voedselbank",
     .description = "In een gesprek van een half uur kijken we samen of u recht heeft op een "
                    "voedselpakket. We rekenen uw inkomsten en vaste lasten samen door.",
     .alt_description = "Een vrijwilliger bekijkt met u uw inkomen en uitgaven. Kunt u (nog) geen "
                        "pakket krijgen, dan zoeken we samen naar andere hulp.",
     .needs = "voedsel,armoede,schulden", .schedule = "*",
     .application = "Maak een afspraak via uw hulpverlener, het "
                    "wijkteam of de schuldhulp van de gemeente.",
     .documents = "Verblijfsvergunning of BSN;Bankafschriften van de laatste drie "
                  "maanden;Overzicht van vaste lasten (huur, energie, verzekeringen)",
     .phone = true},
};

constexpr ServiceDef kEmergencyAidServices[] = {
    {.key = "noodhulp-geld", .name = "Financiële noodhulp",
     .description = "Een eenmalige gift of renteloze lening als u echt niet meer rond komt, "
                    "bijvoorbeeld om afsluiting van gas en licht te voorkomen.",
     .alt_description = "Snelle hulp met geld bij een urgente nood, zoals een "
                        "huurachterstand of een kapotte koelkast. We kijken ook hoe we "
                        "kunnen voorkomen dat het opnieuw gebeurt.",
     .needs = "noodhulp,armoede", .schedule = "*",
     .application = "Een hulpverlener (maatschappelijk werk, kerk, moskee of wijkteam) vraagt de "
                    "hulp voor u aan. Binnen een week hoort u of het lukt.",
     .eligibility = "Voor inwoners van {plaats} met een urgente nood die niet op een "
                    "andere manier op tijd kan worden opgelost.",
     .documents = "Identiteitsbewijs;Overzicht van inkomsten en schulden", .interpreter = true},
    {.key = "noodhulp-spreekuur", .name = "Spreekuur geldzorgen",
     .description = "Loop binnen met vragen over rekeningen, aanmaningen of toeslagen. We helpen "
                    "direct of verwijzen u door naar schuldhulp.",
     .alt_description = "Een vrijwilliger kijkt met u naar de brieven die u niet begrijpt "
                        "en zoekt uit wat u als eerste moet doen.",
     .needs = "schulden,armoede", .schedule = "*",
     .application = "Gewoon binnenlopen, een afspraak is niet nodig.", .phone = true},
    {.key = "noodhulp-kennismaking", .name = "Kennismaking voor kerken en moskeeën",
     .description = "Kerken, moskeeën en migrantenorganisaties helpen vaak zelf "
                    "mensen in nood. Op deze netwerkbijeenkomst leren we elkaar "
                    "kennen en spreken we af hoe we doorverwijzen.",
     .alt_description = "Een bijeenkomst voor iedereen die in {plaats} werkt aan armoede, schulden "
                        "en urgente noden. Samen maken we de sociale kaart compleet.",
     .needs = "armoede,meedoen", .application = "Meld uw organisatie aan per e-mail.",
     .min_city_size = 2},
};

constexpr ServiceDef kLibraryServices[] = {
    {.key = "taalhuis", .name = "Taalhuis: hulp bij Nederlands leren",
     .description = "Wilt u beter Nederlands leren lezen, schrijven of spreken? In het Taalhuis "
                    "zoeken we samen met u een cursus, taalmaatje of oefengroep die bij u past.",
     .alt_description = "Het Taalhuis helpt volwassenen die moeite hebben met lezen, schrijven of "
                        "rekenen. Een taalvrijwilliger maakt samen met u een plan.",
     .needs = "taal,inburgering", .schedule = "*", .languages = "ar",
     .application = "Loop binnen tijdens het spreekuur of bel de bibliotheek."},
    {.key = "digitaal-spreekuur", .name = "Digitaal spreekuur",
     .description = "Hulp bij DigiD, e-mail, online formulieren van de gemeente en afspraken maken "
                    "via internet. Neem uw telefoon of laptop mee.",
     .alt_description = "Vrijwilligers helpen u stap voor stap met de computer of uw telefoon, "
                        "bijvoorbeeld met inloggen bij de overheid of het aanvragen van toeslagen.",
     .needs = "meedoen,onderwijs", .schedule = "*",
     .application = "Zonder afspraak, of maak een afspraak bij de balie."},
    {.key = "taalcafe", .name = "Taalcafé",
     .description = "Oefen Nederlands in een ontspannen sfeer. Met een kopje koffie praten we in "
                    "kleine groepen over dagelijkse onderwerpen.",
     .alt_description = "Elke week een gezellig gesprek in het Nederlands, met vrijwilligers en "
                        "andere nieuwkomers. Alle niveaus zijn welkom.",
     .needs = "taal,meedoen", .schedule = "*", .application = "Aanmelden is niet nodig."},
    {.key = "voorlezen", .name = "Voorlezen in twee talen",
     .description = "Voor kinderen van 2 tot 6 jaar en hun ouders. We lezen voor in het Nederlands "
                    "en in een andere taal, zoals Arabisch of Tigrinya.",
     .needs = "gezin,taal", .schedule = "WE 14:30-15:30", .languages = "ar,ti",
     .application = "Aanmelden is niet nodig.", .min_age = 2, .max_age = 6, .min_city_size = 2},
};

constexpr ServiceDef kVolunteerCentreServices[] = {
    {.key = "vacaturebank", .name = "Vrijwilligerswerk zoeken",
     .description = "In onze vacaturebank staan honderden klussen: van koffie schenken in het "
                    "buurthuis tot meehelpen bij de voedselbank. Een adviseur helpt u kiezen.",
     .alt_description = "Een adviseur bespreekt met u wat u leuk vindt en wat u kunt, en "
                        "zoekt samen met u een plek als vrijwilliger.",
     .needs = "vrijwilligerswerk,meedoen", .schedule = "*"},
    {.key = "vrijwilligerswerk-nieuwkomers", .name = "Vrijwilligerswerk voor statushouders",
     .description = "Vrijwilligerswerk is een goede manier om Nederlands te "
                    "oefenen, mensen te leren kennen en werkervaring op te doen. We "
                    "zoeken een plek die past bij uw taalniveau.",
     .alt_description = "Speciaal voor statushouders en asielzoekers: we gaan samen op bezoek bij "
                        "de organisatie en blijven in het begin in contact.",
     .needs = "vrijwilligerswerk,inburgering,werk", .schedule = "*", .languages = "ar,ti",
     .eligibility = "Voor statushouders en asielzoekers die in {gemeente} wonen."},
    {.key = "maatje", .name = "Maatje worden of een maatje krijgen",
     .description = "Een maatje is een vrijwilliger die een jaar lang elke week met u afspreekt: "
                    "samen koffie drinken, de stad leren kennen of Nederlands oefenen.",
     .alt_description = "We koppelen nieuwkomers aan een vaste vrijwilliger uit de buurt. Samen "
                        "bepaalt u wat u doet en hoe vaak u elkaar ziet.",
     .needs = "meedoen,taal",
     .application = "Vul het aanmeldformulier in; een coördinator "
                    "belt u voor een kennismakingsgesprek.",
     .min_city_size = 2},
};

constexpr ServiceDef kMunicipalServices[] = {
    {.key = "statushouders", .name = "Begeleiding statushouders",
     .description = "Heeft u een verblijfsvergunning en een woning in {plaats} gekregen? "
                    "Een klantmanager helpt u het eerste jaar met uw uitkering, "
                    "zorgverzekering, inburgering en de weg in de stad.",
     .alt_description = "Na de verhuizing naar {plaats} krijgt u een vaste contactpersoon bij de "
                        "gemeente. Samen maakt u een plan voor taal, werk en meedoen.",
     .needs = "inburgering,wonen,werk", .schedule = "*", .languages = "ar,ti",
     .application = "U krijgt vanzelf een uitnodiging zodra het COA u "
                    "aan de gemeente heeft gekoppeld.",
     .eligibility = "Voor statushouders die door het COA aan de "
                    "gemeente {gemeente} zijn gekoppeld.",
     .phone = true, .interpreter = true},
    {.key = "schuldhulp", .name = "Schuldhulpverlening",
     .description = "Heeft u betalingsachterstanden of schulden? De gemeente helpt gratis: we "
                    "brengen uw schulden in kaart en zoeken samen een oplossing.",
     .alt_description = "Hoe eerder u hulp vraagt, hoe beter. Een schuldhulpverlener van de "
                        "gemeente maakt samen met u een plan en praat met de schuldeisers.",
     .needs = "schulden,armoede", .schedule = "*",
     .application = "Bel het sociaal loket of meld u aan via de website van de gemeente.",
     .documents = "Identiteitsbewijs;Overzicht van inkomsten en schulden;Brieven van schuldeisers",
     .phone = true, .interpreter = true, .wait_time = "Binnen vier weken een eerste gesprek"},
    {.key = "leerroute", .name = "Inburgering: uw leerroute kiezen",
     .description = "De gemeente maakt met u een persoonlijk plan voor uw "
                    "inburgering. Na een leerbaarheidstoets kiest u samen de "
                    "B1-route, de onderwijsroute of de Z-route.",
     .needs = "inburgering,taal,onderwijs",
     .application = "U krijgt een uitnodiging van de gemeente voor de brede intake.",
     .eligibility = "Voor inburgeringsplichtigen die na 1 januari "
                    "2022 in Nederland zijn komen wonen.",
     .min_city_size = 2, .interpreter = true},
    {.key = "minimaregelingen", .name = "Bijzondere bijstand en minimaregelingen",
     .description = "Voor inwoners met een laag inkomen zijn er regelingen, zoals "
                    "een vergoeding voor schoolspullen, sport of onverwachte "
                    "kosten. Wij zoeken uit waar u recht op heeft.",
     .needs = "armoede,gezin", .schedule = "*", .min_city_size = 3,
     .documents = "Identiteitsbewijs;Bankafschriften van de laatste drie maanden"},
};

constexpr ServiceDef kClothingBankServices[] = {
    {.key = "kleding", .name = "Gratis kleding uitzoeken",
     .description = "U mag een paar keer per jaar gratis kleding uitzoeken voor uzelf en uw "
                    "kinderen, in alle maten en voor elk seizoen.",
     .alt_description = "Kom langs in de winkel en kies zelf kleding, schoenen "
                        "en jassen. Vrijwilligers helpen u graag.",
     .needs = "kleding,armoede", .schedule = "*",
     .application = "U heeft een verwijzing nodig van de voedselbank, "
                    "de gemeente of een hulpverlener."},
    {.key = "huisraad", .name = "Spullen voor uw nieuwe huis",
     .description = "Net verhuisd? Bij ons vindt u gratis pannen, "
                    "borden, beddengoed en soms kleine meubels.",
     .alt_description = "Statushouders die net een woning hebben gekregen, kunnen hier huisraad "
                        "uitzoeken. Grote meubels brengen we soms thuis.",
     .needs = "kleding,wonen", .schedule = "SA 10:00-13:00", .min_city_size = 2},
};

constexpr ServiceDef kAsylumLocationServices[] = {
    {.key = "azc-activiteiten", .name = "Activiteiten voor bewoners",
     .description = "Elke week zijn er activiteiten zoals voetbal, naaien, een kinderclub en een "
                    "koffieochtend. Bewoners kunnen ook zelf een activiteit voorstellen.",
     .alt_description = "Sport, creatieve middagen en uitstapjes in de regio, "
                        "georganiseerd door vrijwilligers samen met bewoners.",
     .needs = "meedoen,jongeren", .schedule = "*", .eligibility = "Voor bewoners van het AZC."},
    {.key = "azc-vrijwilligers", .name = "Vrijwilliger worden bij het AZC",
     .description = "Wilt u helpen met taalles, sport of huiswerkbegeleiding voor kinderen in het "
                    "AZC? Meld u aan; u krijgt eerst een kennismaking en een korte training.",
     .alt_description = "Vrijwilligers uit {plaats} zijn hard nodig. Voor werk met kinderen vragen "
                        "we een Verklaring Omtrent het Gedrag (VOG).",
     .needs = "vrijwilligerswerk,meedoen", .application = "Meld u aan via het aanmeldformulier.",
     .documents = "Verklaring Omtrent het Gedrag (VOG)"},
    {.key = "azc-taalles", .name = "Nederlandse les voor bewoners",
     .description = "Vrijwilligers geven Nederlandse les aan bewoners die nog niet mogen "
                    "inburgeren. Beginners en gevorderden zitten in aparte groepen.",
     .needs = "taal,inburgering", .schedule = "MO,WE 10:00-12:00", .min_city_size = 2},
};

constexpr ServiceDef kLanguageSchoolServices[] = {
    {.key = "inburgeringscursus", .name = "Inburgeringscursus B1-route",
     .description = "Een cursus van drie dagdelen per week, in kleine groepen. U leert Nederlands "
                    "tot niveau B1 en bereidt u voor op de inburgeringsexamens.",
     .alt_description = "Leer Nederlands en leer hoe Nederland werkt, met ervaren docenten NT2. "
                        "Tussendoor oefent u in de praktijk, bijvoorbeeld op een werkplek.",
     .needs = "inburgering,taal", .schedule = "MO,WE,FR 09:00-12:30",
     .application = "Na een intake en een korte toets kiest u een groep.",
     .eligibility = "Voor inburgeringsplichtigen met een leerroute van de gemeente, en voor "
                    "iedereen die zelf Nederlands wil leren.",
     .fees = "Betaald door de gemeente of met een lening van DUO"},
    {.key = "alfabetisering", .name = "Lezen en schrijven leren (alfabetisering)",
     .description = "Voor volwassenen die in hun eigen taal niet of weinig naar "
                    "school zijn geweest. U leert in een rustig tempo het "
                    "Nederlandse alfabet lezen en schrijven.",
     .alt_description = "Nog nooit in het Latijnse schrift geschreven? In deze kleine groep leert "
                        "u letters, woorden en korte zinnen lezen en schrijven.",
     .needs = "taal,onderwijs", .schedule = "TU,TH 09:30-12:00",
     .application = "Na een intake en een korte toets kiest u een groep."},
    {.key = "nt2-werkvloer", .name = "Nederlands op de werkvloer",
     .description = "Een korte cursus voor werkenden: de woorden en zinnen die u nodig heeft op uw "
                    "werk, en oefenen met gesprekken met collega's.",
     .needs = "taal,werk", .schedule = "TU 18:30-21:00", .fees = "Vaak betaald door de werkgever"},
    {.key = "examentraining", .name = "Examentraining inburgering",
     .description = "Vijf lessen waarin u oefent met de examens lezen, luisteren, schrijven en "
                    "spreken. Ook Kennis van de Nederlandse Maatschappij (KNM) komt aan bod.",
     .needs = "inburgering,taal", .schedule = "SA 10:00-13:00", .fees = "€ 95 voor vijf lessen"},
};

constexpr ServiceDef kMosqueServices[] = {
    {.key = "vrijdaggebed", .name = "Vrijdaggebed en gebedsruimte",
     .description = "De gebedsruimte is elke dag open voor de vijf gebeden. Het vrijdaggebed heeft "
                    "een preek in het {taal} en een korte samenvatting in het Nederlands.",
     .alt_description = "Iedereen is welkom om te bidden. Er is een aparte gebedsruimte voor "
                        "vrouwen en een ruimte om de wassing te doen.",
     .needs = "geloof", .schedule = "FR 13:00-14:30", .application = "Iedereen is welkom."},
    {.key = "koranles", .name = "Arabische les en Koranles voor kinderen",
     .description = "In het weekend leren kinderen Arabisch lezen en de "
                    "Koran reciteren, in groepen per leeftijd.",
     .needs = "geloof,jongeren", .schedule = "SA,SU 10:00-13:00",
     .fees = "€ 15 per maand, korting voor gezinnen met een laag inkomen", .min_age = 6,
     .max_age = 14},
    {.key = "huiswerkbegeleiding", .name = "Huiswerkbegeleiding",
     .description = "Studenten helpen scholieren met huiswerk, plannen en leren voor "
                    "toetsen. Zo helpen we schooluitval voorkomen.",
     .alt_description = "Twee middagen per week maken kinderen hun huiswerk in de moskee, met "
                        "hulp van vrijwilligers die zelf studeren.",
     .needs = "onderwijs,jongeren", .schedule = "TU,TH 15:30-17:30", .min_age = 8, .max_age = 18},
    {.key = "vrouwenochtend", .name = "Vrouwenochtend",
     .description = "Vrouwen ontmoeten elkaar bij een kopje thee. Soms komt er een gast vertellen "
                    "over gezondheid, opvoeding of geldzaken.",
     .needs = "vrouwen,meedoen,gezin", .schedule = "WE 10:00-12:00"},
    {.key = "ramadan", .name = "Voedselpakketten en iftar in de ramadan",
     .description = "In de ramadan delen we voedselpakketten uit aan gezinnen die het moeilijk "
                    "hebben. Elke avond is er een gratis iftar voor wie alleen is.",
     .needs = "voedsel,noodhulp", .application = "Meld u aan bij het bestuur of bij de imam."},
    {.key = "moskee-ouderen", .name = "Ontmoeting voor ouderen",
     .description = "Een middag voor ouderen om samen thee te drinken en bij te praten. Eens per "
                    "maand is er voorlichting, bijvoorbeeld over thuiszorg en pensioen.",
     .needs = "ouderen,meedoen", .schedule = "MO 14:00-16:00", .min_age = 55},
    {.key = "jongeren-identiteit", .name = "Gespreksgroep jongeren over geloof en identiteit",
     .description = "Jongeren praten onder begeleiding over geloof, identiteit, discriminatie en "
                    "wat ze online zien. Zo maken we hen weerbaar tegen radicalisering.",
     .needs = "radicalisering,jongeren,geloof", .schedule = "FR 19:30-21:00", .min_age = 14,
     .max_age = 24},
    {.key = "open-moskee", .name = "Open moskee: rondleiding voor buren en scholen",
     .description = "Scholen, buren en organisaties krijgen een rondleiding en kunnen vragen "
                    "stellen over de islam en het werk van de moskee.",
     .needs = "meedoen,geloof", .schedule = "SA 13:00-15:00",
     .application = "Maak een afspraak per e-mail."},
};

constexpr ServiceDef kChurchServices[] = {
    {.key = "kerkdienst", .name = "Kerkdienst in eigen taal",
     .description = "Elke week een kerkdienst met veel zang, in het "
                    "{taal}. Na de dienst drinken we samen koffie.",
     .alt_description = "Een levendige dienst met muziek en gebed. Bezoekers "
                        "van buiten de gemeenschap zijn van harte welkom; "
                        "vraag gerust om iemand die voor u vertaalt.",
     .needs = "geloof", .schedule = "*SU", .application = "Iedereen is welkom."},
    {.key = "diaconie", .name = "Diaconale hulp",
     .description = "Wie in nood zit, kan bij de diaconie aankloppen: voor een voedselpakket, een "
                    "kleine gift of hulp bij het vinden van de juiste instantie.",
     .alt_description = "De diaconie helpt leden en buren met boodschappen, "
                        "vervoer en een luisterend oor. Bij geldproblemen gaan "
                        "we samen met u naar het noodhulpbureau.",
     .needs = "noodhulp,voedsel,armoede",
     .application = "Spreek een diaken aan na de dienst of stuur een e-mail."},
    {.key = "kerk-taalles", .name = "Nederlandse les in de kerk",
     .description = "Vrijwilligers uit de gemeente geven 's avonds Nederlandse les op "
                    "beginnersniveau. Zo kunnen leden beter meedoen in de buurt en op hun werk.",
     .alt_description = "Een kleine taalgroep voor gemeenteleden en buren die hun Nederlands "
                        "willen verbeteren. We oefenen vooral spreken.",
     .needs = "taal,inburgering", .schedule = "TH 19:00-21:00"},
    {.key = "kerk-jongeren", .name = "Jongerengroep",
     .description = "Jongeren komen samen voor bijbelstudie, muziek en sport. We praten ook over "
                    "school, werk en opgroeien tussen twee culturen.",
     .alt_description = "Een groep voor tieners en twintigers: samen eten, "
                        "zingen en praten over geloof en de toekomst.",
     .needs = "jongeren,geloof", .schedule = "FR 19:00-21:30", .min_age = 12, .max_age = 25},
    {.key = "kerk-vrouwen", .name = "Vrouwengroep",
     .description = "Vrouwen uit de gemeente steunen elkaar bij opvoeding, gezondheid en werk. "
                    "Eén keer per maand komt er een spreker.",
     .needs = "vrouwen,gezin", .schedule = "SA 14:00-16:00"},
    {.key = "kerk-gezondheid", .name = "Voorlichting over gezondheid, drugs en soa",
     .description = "Een verpleegkundige uit de gemeente geeft in het {taal} "
                    "voorlichting over onderwerpen waar moeilijk over gepraat "
                    "wordt: alcohol, drugs, hiv en andere soa.",
     .needs = "gezondheid,verslaving,seksuele-gezondheid",
     .application = "Kerken kunnen een avond aanvragen bij het bestuur."},
    {.key = "kerk-bezoekgroep", .name = "Bezoekgroep voor ouderen en zieken",
     .description = "Vrijwilligers bezoeken oudere en zieke leden thuis of in het "
                    "ziekenhuis, en helpen met vervoer naar de kerk.",
     .needs = "ouderen,gezondheid",
     .application = "Geef het door aan de voorganger of de diaconie."},
};

constexpr ServiceDef kAssociationServices[] = {
    {.key = "brieven", .name = "Hulp bij brieven en formulieren",
     .description = "Vrijwilligers die {taal} spreken helpen met brieven van de gemeente, de "
                    "Belastingdienst of de zorgverzekeraar. Samen kijken we wat u moet doen.",
     .alt_description = "Neem de brieven mee die u niet begrijpt. We leggen uit wat er "
                        "staat en helpen met antwoorden of bellen.",
     .needs = "inburgering,schulden", .schedule = "*"},
    {.key = "moedertaal", .name = "Moedertaalles voor kinderen",
     .description = "Kinderen leren lezen en schrijven in het {taal}, de taal van hun ouders. Dat "
                    "helpt ook bij het leren van Nederlands.",
     .needs = "onderwijs,jongeren", .schedule = "SA 10:00-12:30", .fees = "€ 5 per maand",
     .min_age = 5, .max_age = 14},
    {.key = "vrouwenbijeenkomst", .name = "Vrouwenbijeenkomst",
     .description = "Een veilige plek voor vrouwen om elkaar te ontmoeten, te sporten en te leren. "
                    "We nodigen sprekers uit over gezondheid, werk en rechten.",
     .alt_description = "Vrouwen uit de gemeenschap komen elke week samen. "
                        "Nieuwkomers vinden hier snel vriendinnen en hulp.",
     .needs = "vrouwen,meedoen", .schedule = "*"},
    {.key = "ouderenmiddag", .name = "Ontmoetingsmiddag voor ouderen",
     .description = "Ouderen uit de gemeenschap drinken samen thee, spelen spellen en krijgen "
                    "informatie over zorg, wonen en pensioen.",
     .needs = "ouderen,meedoen", .schedule = "TH 14:00-17:00", .min_age = 55},
    {.key = "voorlichting-geweld", .name = "Voorlichting over huiselijk geweld",
     .description = "In kleine groepen praten we over spanningen thuis, huiselijk geweld en "
                    "eergerelateerd geweld. We vertellen waar u veilig hulp kunt vinden.",
     .needs = "geweld,gezin,vrouwen",
     .application = "Aanmelden bij het bestuur; u mag anoniem blijven."},
    {.key = "opvoedcafe", .name = "Opvoedcafé voor ouders",
     .description = "Ouders wisselen ervaringen uit over opvoeden in Nederland: school, sociale "
                    "media, grenzen stellen. Een opvoedcoach praat mee.",
     .alt_description = "Hoe werkt de school in Nederland? Wat doet u als uw kind niet meer "
                        "luistert? In het opvoedcafé praten ouders hierover met elkaar.",
     .needs = "gezin,onderwijs", .schedule = "*"},
    {.key = "samen-sporten", .name = "Samen sporten",
     .description = "Voetbal, wandelen of fitness met mensen uit de buurt. Goed voor uw gezondheid "
                    "en een leuke manier om Nederlands te oefenen.",
     .needs = "gezondheid,meedoen", .schedule = "SU 10:00-12:00", .fees = "€ 2,50 per keer"},
    {.key = "werk-zoeken", .name = "Hulp bij werk zoeken",
     .description = "We helpen met een cv, een sollicitatiebrief en een oefengesprek. Via ons "
                    "netwerk komt u in contact met werkgevers.",
     .needs = "werk", .schedule = "*"},
};

constexpr ServiceDef kCompanyServices[] = {
    {.key = "werkervaringsplaats", .name = "Werkervaringsplaats voor statushouders",
     .description = "Drie maanden meewerken in ons bedrijf, met een vaste werkbegeleider. U leert "
                    "het vak en de taal op de werkvloer; daarna is een contract mogelijk.",
     .alt_description = "Wij bieden werkervaringsplaatsen aan nieuwkomers met weinig werkervaring "
                        "in Nederland. Een collega is uw vaste aanspreekpunt.",
     .needs = "werk,inburgering",
     .application = "Aanmelden via uw klantmanager van de gemeente of rechtstreeks per e-mail.",
     .eligibility = "Voor statushouders met taalniveau A2 of hoger."},
    {.key = "bedrijfsbezoek", .name = "Bedrijfsbezoek voor nieuwkomers",
     .description = "Een ochtend kijken hoe het er in ons bedrijf aan toegaat: een "
                    "rondleiding, uitleg over de banen en een gesprek met "
                    "collega's die zelf ooit nieuwkomer waren.",
     .needs = "werk,meedoen",
     .application = "Groepen melden zich aan via de gemeente of een vrijwilligersorganisatie."},
    {.key = "taalcoaching-werk", .name = "Taalcoaching op het werk",
     .description = "Collega's zijn taalcoach van nieuwe medewerkers die nog Nederlands leren. Eén "
                    "uur per week oefent u met de woorden van uw werk.",
     .needs = "taal,werk", .schedule = "WE 13:00-14:00",
     .eligibility = "Voor medewerkers van het bedrijf."},
};

constexpr ServiceDef kFoundationServices[] = {
    {.key = "asiel-spreekuur", .name = "Spreekuur asielprocedure",
     .description = "Juristen en getrainde vrijwilligers leggen uit hoe de asielprocedure werkt en "
                    "helpen u voorbereiden op uw gesprekken met de IND.",
     .needs = "recht", .schedule = "TU,TH 10:00-13:00", .interpreter = true},
    {.key = "gezinshereniging", .name = "Hulp bij gezinshereniging",
     .description = "Heeft u een verblijfsvergunning en wilt u dat uw gezin naar Nederland komt? "
                    "Wij helpen met de aanvraag, de documenten en de termijnen.",
     .needs = "recht,gezin", .schedule = "MO 13:00-16:00",
     .documents = "Verblijfsvergunning of BSN;Documenten die de gezinsband aantonen",
     .interpreter = true},
    {.key = "gezondheid-eigen-taal", .name = "Gezondheidsvoorlichting in eigen taal",
     .description = "Voorlichters uit de eigen gemeenschap vertellen over de huisarts, "
                    "de zorgverzekering, hiv en soa, en over alcohol en drugs. In de "
                    "eigen taal en in een vertrouwde omgeving.",
     .needs = "gezondheid,seksuele-gezondheid,verslaving",
     .application = "Organisaties en kerken vragen een bijeenkomst aan per e-mail."},
    {.key = "sleutelpersonen", .name = "Training sleutelpersonen gezondheid",
     .description = "Een training van zes avonden voor mensen die in hun gemeenschap vaak vragen "
                    "krijgen over gezondheid. U leert waar mensen terecht kunnen.",
     .needs = "gezondheid,vrijwilligerswerk", .schedule = "MO 19:00-21:30"},
    {.key = "alcohol-drugs", .name = "Gesprek over alcohol, drugs of gokken",
     .description = "Maakt u zich zorgen over uw eigen gebruik of dat van een familielid? Een "
                    "hulpverlener denkt met u mee, zonder oordeel en in vertrouwen.",
     .needs = "verslaving,gezondheid", .schedule = "WE 13:00-16:00", .phone = true},
    {.key = "eer-en-veiligheid",
     .name = "Vertrouwelijk gesprek over huiselijk en eergerelateerd geweld",
     .description = "Voelt u zich thuis niet veilig, of zet uw familie u onder druk? Bel of chat "
                    "anoniem met een hulpverlener die uw taal spreekt.",
     .needs = "geweld,vrouwen", .languages = "ar,tr,so,fa",
     .application = "Bellen of chatten kan anoniem. In acute nood belt u 112.", .phone = true},
    {.key = "huisvesting", .name = "Hulp bij huisvesting",
     .description = "Wij helpen statushouders en arbeidsmigranten met vragen over huur, "
                    "huurtoeslag, een huurcontract of problemen met de verhuurder.",
     .needs = "wonen,recht", .schedule = "WE 09:30-12:30"},
    {.key = "geldmaatje", .name = "Geldmaatje: hulp bij de thuisadministratie",
     .description = "Een getrainde vrijwilliger helpt u een jaar lang met het ordenen van uw post, "
                    "het maken van een budget en het voorkomen van nieuwe schulden.",
     .needs = "schulden,armoede", .application = "Meld u aan via het wijkteam of bel ons."},
    {.key = "welkomstprogramma", .name = "Welkomstprogramma nieuwe inwoners",
     .description = "Een vrijwilliger laat u de stad zien: de markt, de huisarts, de bibliotheek "
                    "en het zwembad. Zo voelt u zich sneller thuis.",
     .needs = "meedoen,inburgering", .schedule = "*"},
    {.key = "vrouwen-in-beweging", .name = "Vrouwen in beweging",
     .description = "Een cursus van tien weken voor vrouwen: fietsen leren, zwemmen en "
                    "praten over gezondheid. Er is kinderopvang.",
     .needs = "vrouwen,gezondheid", .schedule = "TU 09:30-11:30"},
    {.key = "hulplijn", .name = "Hulplijn voor nieuwkomers",
     .description = "Bel, app of mail met vragen over wonen, geld, zorg of school. Vrijwilligers "
                    "antwoorden in uw taal of zoeken uit wie u verder kan helpen.",
     .needs = "meedoen,recht,inburgering", .languages = "ar,ti,uk,fa",
     .application = "Bellen of appen, zonder afspraak.", .phone = true},
};
// clang-format on

// The services of the special organisations (source texts 000, 001, 002 and 004).
// clang-format off
constexpr ServiceDef kChurchDeskServices[] = {
    {.key = "gebedsruimte", .name = "Bemiddeling bij het vinden van een gebedsruimte",
     .description = "Veel migrantenkerken zoeken een betaalbare ruimte voor hun diensten. "
                    "Het loket kent de beschikbare kerkzalen en buurthuizen in de regio "
                    "en bemiddelt tussen kerk en verhuurder.",
     .needs = "geloof,meedoen", .schedule = "TU,TH 10:00-16:00",
     .application = "Bel of mail het loket met het aantal leden en de gewenste dagen en tijden.",
     .eligibility = "Voor migrantenkerken en migrantenorganisaties in de regio Haaglanden.",
     .phone = true},
    {.key = "loket-inloop", .name = "Inloopspreekuur van het loket",
     .description = "Met vragen over vergunningen, subsidies, de Belastingdienst of het oprichten "
                    "van een stichting kunnen kerkbesturen zonder afspraak langskomen.",
     .needs = "meedoen,recht", .schedule = "WE 13:00-17:00",
     .application = "Zonder afspraak; voor een langer gesprek kunt u bellen."},
    {.key = "kadertraining", .name = "Training en coaching van kerkleiders",
     .description = "Een leergang voor voorgangers, bestuurders en jongerenwerkers: een "
                    "stichting besturen, financiën, samenwerken met de gemeente en "
                    "omgaan met hulpvragen van gemeenteleden.",
     .needs = "onderwijs,meedoen", .schedule = "M:2SA 10:00-15:00",
     .application = "Kerken melden één of twee kaderleden aan voor de hele leergang.",
     .fees = "€ 50 per deelnemer; kerken met weinig geld krijgen korting",
     .program = "kaderopleiding"},
    {.key = "jongerenwerkers-kerk", .name = "Training jongerenwerkers in de kerk",
     .description = "Voor vrijwilligers die met jongeren werken: hoe praat u over school, drugs, "
                    "seksualiteit en werk, en wanneer verwijst u door?",
     .needs = "jongeren,onderwijs", .schedule = "M:4SA 10:00-13:00", .program = "kaderopleiding"},
    {.key = "diaconaal-platform", .name = "Diaconaal platform",
     .description = "Diakenen van verschillende kerken wisselen ervaringen uit "
                    "over hulp aan mensen in nood. Ze leren hoe ze "
                    "doorverwijzen naar noodhulpbureaus en schuldhulp.",
     .needs = "noodhulp,armoede", .schedule = "M:1TH 19:30-21:30"},
    {.key = "voedseldistributie", .name = "Voedseldistributie via migrantenkerken",
     .description = "Samen met de voedselbank en supermarkten verdelen we voedselpakketten via de "
                    "kerken. Zo bereiken we ook gezinnen die de voedselbank niet kent.",
     .needs = "voedsel,armoede,noodhulp", .schedule = "FR 14:00-17:00",
     .application = "De diaconie van uw kerk meldt gezinnen aan bij het loket."},
    {.key = "voorlichting-kerken", .name = "Voorlichting over drugs, alcohol en soa",
     .description = "Voorlichters bezoeken kerken en leggen in de eigen taal de risico's van "
                    "alcohol en drugs uit, en hoe u zich beschermt tegen hiv, aids en andere soa.",
     .needs = "verslaving,seksuele-gezondheid,gezondheid", .languages = "ti,fr",
     .application = "Kerken vragen een voorlichting aan bij het loket."},
    {.key = "netwerk-kerken", .name = "Netwerkbijeenkomst kerken en organisaties",
     .description = "Vier keer per jaar ontmoeten migrantenkerken, moskeeën, welzijnsorganisaties "
                    "en de gemeente elkaar rond een thema, zoals armoede of jongeren.",
     .needs = "meedoen,geloof",
     .application = "Aanmelden per e-mail; de uitnodiging staat op de website."},
    {.key = "belangenbehartiging", .name = "Belangenbehartiging voor migrantenkerken",
     .description = "We praten met de gemeente, fondsen en kerkelijke organisaties over "
                    "de positie van migrantenkerken: over ruimte, subsidies en "
                    "erkenning van hun maatschappelijke werk.",
     .needs = "meedoen", .application = "Neem contact op met het loket."},
};

constexpr ServiceDef kUmbrellaServices[] = {
    {.key = "expert-werkloosheid", .name = "Expertmeeting werkloosheid",
     .description = "Sleutelfiguren, werkgevers en zelforganisaties wisselen kennis uit over "
                    "werkloosheid onder Marokkaanse Nederlanders en bedenken samen wat helpt.",
     .needs = "werk",
     .application = "Op uitnodiging; organisaties kunnen zich aanmelden per e-mail."},
    {.key = "expert-schooluitval", .name = "Expertmeeting schooluitval",
     .description = "Docenten, ouders en jongerenwerkers bespreken waarom jongeren voortijdig "
                    "stoppen met school en welke aanpak in de wijk werkt.",
     .needs = "onderwijs,jongeren",
     .application = "Op uitnodiging; organisaties kunnen zich aanmelden."},
    {.key = "netwerk-ouderparticipatie", .name = "Netwerkbijeenkomst ouderparticipatie",
     .description = "Hoe worden ouders meer betrokken bij de school van hun kinderen? Ouders, "
                    "scholen en organisaties delen goede voorbeelden.",
     .needs = "gezin,onderwijs", .schedule = "M:1WE 19:30-21:30"},
    {.key = "expert-huiselijk-geweld",
     .name = "Expertmeeting huiselijk geweld en eergerelateerd geweld",
     .description = "Professionals en vrijwilligers uit de gemeenschap praten over "
                    "signalen van huiselijk en eergerelateerd geweld, over "
                    "partnerkeuze en over hoe u het bespreekbaar maakt.",
     .needs = "geweld,vrouwen,gezin",
     .application = "Op uitnodiging; professionals kunnen zich aanmelden."},
    {.key = "netwerk-ouderen", .name = "Netwerkbijeenkomst Marokkaanse ouderen",
     .description = "Over zorg, eenzaamheid, pensioen en AOW, en over wonen in Nederland of in "
                    "Marokko. Met ouderenorganisaties uit het hele land.",
     .needs = "ouderen", .schedule = "M:3TU 13:30-16:00", .min_age = 55},
    {.key = "netwerk-vrouwen", .name = "Netwerkbijeenkomst vrouwenemancipatie",
     .description = "Vrouwelijke sleutelfiguren en organisaties werken samen aan de positie van "
                    "Marokkaans-Nederlandse vrouwen: opleiding, werk en zelfstandigheid.",
     .needs = "vrouwen,meedoen", .schedule = "M:2MO 19:30-21:30"},
    {.key = "politieke-participatie", .name = "Debat politieke participatie",
     .description = "Voor de verkiezingen organiseren we debatten met kandidaten en uitleg over "
                    "stemmen, zodat meer mensen hun stem laten horen.",
     .needs = "meedoen", .application = "Vrij toegankelijk; aanmelden via de website."},
    {.key = "expert-sociale-zekerheid", .name = "Expertmeeting sociale zekerheid",
     .description = "Uitleg en discussie over uitkeringen, toeslagen en de regels bij een verblijf "
                    "in het buitenland, met deskundigen van de instanties.",
     .needs = "werk,armoede", .application = "Op uitnodiging; organisaties kunnen zich aanmelden."},
    {.key = "weerbare-jongeren", .name = "Project weerbare jongeren",
     .description = "Jongerenwerkers en moskeeën werken samen om radicalisering tegen te gaan, met "
                    "gesprekken, trainingen voor ouders en rolmodellen uit de eigen gemeenschap.",
     .needs = "radicalisering,jongeren",
     .application = "Moskeeën en jongerenorganisaties melden zich aan.", .min_age = 14,
     .max_age = 27},
    {.key = "vraagbaak", .name = "Vraagbaak en publicaties",
     .description = "Journalisten, beleidsmakers en organisaties kunnen bij ons terecht "
                    "met vragen over Marokkaanse Nederlanders. We geven een "
                    "nieuwsbrief, verslagen en brochures uit.",
     .needs = "meedoen,onderwijs", .schedule = "MO,TU,WE,TH 09:30-17:00", .phone = true},
};

constexpr ServiceDef kPlatformServices[] = {
    {.key = "loket-vraag-aanbod", .name = "Loket vraag en aanbod",
     .description = "Wilt u iets doen voor asielzoekers of statushouders, of "
                    "zoekt u zelf hulp? Bij het loket brengen we vraag en aanbod "
                    "bij elkaar, op afspraak of via de website.",
     .needs = "vrijwilligerswerk,meedoen", .schedule = "MO,WE,FR 09:00-12:30", .phone = true},
    {.key = "maatjestraject", .name = "Maatjestraject voor statushouders",
     .description = "Een vrijwilliger uit Enschede trekt een halfjaar op met een statushouder: "
                    "samen de stad ontdekken, formulieren invullen of Nederlands oefenen.",
     .needs = "meedoen,inburgering,taal",
     .application = "Aanmelden bij het loket; binnen vier weken volgt een kennismaking.",
     .program = "meedoen-enschede"},
    {.key = "samen-wandelen", .name = "Samen wandelen: Enschede ontdekken",
     .description = "Elke zaterdag een wandeling van ongeveer twee uur met nieuwkomers en "
                    "buurtbewoners, langs parken, markten en bijzondere plekken in de stad.",
     .needs = "meedoen,gezondheid", .schedule = "SA 10:00-12:00",
     .application = "Aanmelden is niet nodig."},
    {.key = "samen-koken", .name = "Samen koken en eten",
     .description = "Nieuwkomers en buurtbewoners koken om de beurt een gerecht uit hun land. "
                    "Daarna eten we samen aan een lange tafel.",
     .needs = "meedoen", .schedule = "TH 17:00-20:00", .fees = "€ 3 per keer voor de boodschappen"},
    {.key = "muziek", .name = "Muziek maken met elkaar",
     .description = "Neem uw instrument mee of leer er een bespelen. Muzikanten uit "
                    "Enschede en uit het AZC spelen en zingen samen.",
     .needs = "meedoen,jongeren", .schedule = "TU 19:30-21:30"},
    {.key = "sportmaatjes", .name = "Sportmaatjes",
     .description = "We koppelen asielzoekers en statushouders aan een sportclub in de buurt en "
                    "aan een vrijwilliger die de eerste keren meegaat.",
     .needs = "meedoen,gezondheid", .application = "Aanmelden bij het loket.",
     .program = "meedoen-enschede"},
    {.key = "bedrijfsbezoeken-twente", .name = "Bedrijfsbezoeken",
     .description = "In kleine groepen bezoeken we bedrijven in Twente. U ziet hoe het werk "
                    "eruitziet en maakt kennis met werkgevers.",
     .needs = "werk", .application = "Aanmelden bij het loket; de data staan op de website."},
    {.key = "taalles-vrijwilligers", .name = "Taalles door vrijwilligers",
     .description = "Naast de inburgering geven vrijwilligers les in kleine "
                    "groepen, samen met de bibliotheek en het ROC.",
     .needs = "taal,inburgering", .schedule = "TU,TH 09:30-11:30"},
    {.key = "spullenbank", .name = "Spullenbank en kledingbank",
     .description = "Asielzoekers en statushouders kunnen hier gratis kleding, speelgoed en "
                    "spullen voor in huis uitzoeken. Inwoners kunnen spullen brengen.",
     .needs = "kleding,wonen", .schedule = "WE 13:00-16:00;SA 10:00-13:00"},
    {.key = "bemiddeling-vrijwilligerswerk", .name = "Bemiddeling naar vrijwilligerswerk",
     .description = "Samen met asielzoekers en statushouders zoeken we vrijwilligerswerk dat past "
                    "bij hun ervaring, taal en wensen. We blijven in contact met de organisatie.",
     .needs = "vrijwilligerswerk,werk,inburgering", .program = "meedoen-enschede"},
    {.key = "dagbesteding", .name = "Zinvolle dagbesteding voor asielzoekers",
     .description = "Voor bewoners van het AZC die nog wachten op hun procedure: meehelpen in een "
                    "moestuin, een fietsenwerkplaats of een buurthuis.",
     .needs = "meedoen,vrijwilligerswerk", .schedule = "MO,WE 10:00-15:00"},
};

constexpr ServiceDef kProvinceProjectServices[] = {
    {.key = "orientatietraining", .name = "Oriëntatietraining Nederlandse kernwaarden",
     .description = "Een visuele training over vrijheid, gelijkwaardigheid en solidariteit, "
                    "gegeven door trainers die zelf migrant zijn. Met veel beelden en weinig "
                    "tekst, dus ook geschikt als u nog weinig Nederlands spreekt.",
     .needs = "inburgering", .schedule = "MO 13:00-16:00", .program = "nieuwkomers-aan-zet",
     .locations = "0,1,2,3"},
    {.key = "scharrelondernemers", .name = "Coöperatie van scharrelondernemers",
     .description = "Migranten met een eigen bedrijfje, zoals catering, naaiwerk of klussen, "
                    "werken samen in een coöperatie. Zo delen ze kosten, klanten en kennis.",
     .needs = "werk", .schedule = "TH 10:00-13:00", .program = "nieuwkomers-aan-zet"},
    {.key = "latente-werkgelegenheid", .name = "Werk maken van latente werkgelegenheid",
     .description = "Samen met bedrijven zoeken we werk dat blijft liggen en maken daar banen van "
                    "voor migranten, met begeleiding op de werkplek.",
     .needs = "werk", .application = "Aanmelden via de projectleider of uw klantmanager.",
     .program = "nieuwkomers-aan-zet", .locations = "0,1"},
    {.key = "taal-in-huis", .name = "Taal in huis",
     .description = "Een vrijwilliger komt bij het gezin thuis en oefent Nederlands met ouders en "
                    "kinderen, met spelletjes, boeken en gesprekken aan de keukentafel.",
     .needs = "taal,gezin", .application = "Gezinnen melden zich aan bij de projectleider.",
     .program = "nieuwkomers-aan-zet", .locations = "0,1,2,3"},
    {.key = "mannen-ambassadeur", .name = "Mannen als ambassadeur",
     .description = "Migrantenmannen praten met andere mannen over rolpatronen, "
                    "opvoeding en de positie van vrouwen. Ze worden getraind "
                    "als ambassadeur in hun eigen gemeenschap.",
     .needs = "gezin,meedoen", .schedule = "WE 19:30-21:30", .program = "nieuwkomers-aan-zet",
     .locations = "0,2"},
    {.key = "zorgcooperatie-ouderen", .name = "Zorgcoöperatie migrantenouderen",
     .description = "Zorgverleners met een migratieachtergrond helpen ouderen "
                    "uit hun eigen gemeenschap, in hun eigen taal: met "
                    "bezoek, boodschappen en de weg naar de zorg.",
     .needs = "ouderen,gezondheid", .schedule = "TU,TH 10:00-12:00", .min_age = 60,
     .program = "nieuwkomers-aan-zet", .locations = "0,1"},
    {.key = "jongeren-voor-jongeren", .name = "Jongeren voor jongeren",
     .description = "Jongeren met en zonder migratieachtergrond lossen samen "
                    "problemen in de wijk op en werken aan de leefbaarheid, "
                    "bijvoorbeeld met een buurtfeest of een opknapklus.",
     .needs = "jongeren,meedoen", .schedule = "FR 16:00-18:00", .min_age = 14, .max_age = 27,
     .program = "nieuwkomers-aan-zet", .locations = "0,3"},
    {.key = "actief-aanbod-vrijwilligerswerk", .name = "Actief aanbod vrijwilligerswerk",
     .description = "Een matcher zoekt samen met u vrijwilligerswerk dat past bij uw taal, "
                    "ervaring en wensen, en stelt u voor aan de organisatie. Ook "
                    "organisaties kunnen vacatures aanmelden.",
     .needs = "vrijwilligerswerk,werk", .schedule = "WE 09:00-12:00",
     .program = "nieuwkomers-aan-zet", .locations = "0,1,2,3"},
};
// clang-format on

// ---------------------------------------------------------------------------------------------
// Organisations

// One organisation per city (or per listed city): "{plaats}" and "{gemeente}" as above.
struct OrgTemplate {
  std::string_view key;
  std::string_view kind;  // organization-kind slug
  std::string_view name;
  std::string_view description;
  std::string_view alt_description;
  std::string_view cities;  // city keys; empty: every city
  std::string_view languages;
  std::string_view communities;
  std::string_view contact;  // the role of the named contact, if any
  bool accessible;
  std::span<const ServiceDef> services;
};

// clang-format off
constexpr OrgTemplate kTemplates[] = {
    {"voedselbank", "foundation", "Voedselbank {plaats}",
     "Voedselbank {plaats} geeft elke week een gratis voedselpakket aan huishoudens die tijdelijk "
     "te weinig geld hebben voor eten. Al het werk wordt gedaan door vrijwilligers.",
     "Vrijwilligers van Voedselbank {plaats} halen voedsel op bij winkels en boeren en verdelen "
     "het in pakketten. Zo krijgen gezinnen met weinig geld toch gezond eten.",
     "", "en", "", "Coördinator vrijwilligers", false, kFoodBankServices},
    {"noodhulpbureau", "emergency-aid-office", "Noodhulpbureau {plaats}",
     "Noodhulpbureau {plaats} helpt mensen die acuut in geldnood zitten, als andere hulp niet of "
     "te laat komt. Kerken, fondsen en particulieren betalen de hulp.",
     "Bij Noodhulpbureau {plaats} werken vrijwilligers en hulpverleners samen om snel te helpen "
     "bij armoede, schulden en urgente noden.",
     "den-haag,delft,zoetermeer,utrecht,enschede,groningen,leeuwarden,drachten,heerenveen", "en",
     "", "Coördinator noodhulp", false, kEmergencyAidServices},
    {"bibliotheek", "library", "Bibliotheek {plaats}",
     "De bibliotheek in {plaats} is er voor iedereen: boeken lenen, studeren, computers "
     "gebruiken en hulp bij taal en digitale vragen.",
     "Bibliotheek {plaats} is een open plek om te lezen, te leren en elkaar te ontmoeten. In het "
     "Taalhuis kunt u terecht met vragen over de Nederlandse taal.",
     "", "en", "", "", true, kLibraryServices},
    {"vrijwilligerscentrale", "volunteer-centre", "Vrijwilligerscentrale {plaats}",
     "De vrijwilligerscentrale brengt mensen die iets willen doen in contact met organisaties die "
     "vrijwilligers zoeken. Ook nieuwkomers zijn van harte welkom.",
     "Wij helpen inwoners van {gemeente} aan passend vrijwilligerswerk en ondersteunen "
     "vrijwilligersorganisaties met advies en training.",
     "den-haag,rijswijk,zoetermeer,delft,utrecht,groningen,veendam,"
     "leeuwarden,drachten,heerenveen,sneek",
     "en", "", "Coördinator vrijwilligers", false, kVolunteerCentreServices},
    {"gemeente", "municipal-team", "Gemeente {gemeente}",
     "Het sociaal loket van de gemeente {gemeente} helpt inwoners met inburgering, werk, inkomen "
     "en schulden. U kunt langskomen, bellen of een afspraak maken.",
     "De gemeente {gemeente} begeleidt statushouders bij wonen, inburgering en werk, en helpt "
     "inwoners met geldzorgen via schuldhulpverlening.",
     "", "en", "", "Klantmanager statushouders", true, kMunicipalServices},
    {"kledingbank", "foundation", "Kledingbank {plaats}",
     "Kledingbank {plaats} geeft gratis nette tweedehands kleding aan mensen met een laag inkomen. "
     "Alle kleding is geschonken door inwoners.",
     "Bij de Kledingbank in {plaats} kunt u gratis kleding, schoenen en beddengoed uitzoeken. "
     "Vrijwilligers sorteren alles wat inwoners brengen.",
     "den-haag,zoetermeer,delft,utrecht,enschede,groningen,stadskanaal,leeuwarden,sneek", "en", "",
     "", false, kClothingBankServices},
    {"azc", "asylum-agency-location", "AZC {plaats}",
     "Asielzoekerscentrum van het COA in {plaats}, met plaats voor ongeveer 400 bewoners. "
     "Buurtbewoners en vrijwilligers zijn welkom om mee te helpen.",
     "In het AZC in {plaats} wonen asielzoekers en statushouders die wachten op een woning. Het "
     "COA werkt samen met vrijwilligers en organisaties uit de buurt.",
     "rijswijk,delft,utrecht,enschede,groningen,veendam,leeuwarden,sneek", "en,ar,ti,prs",
     "all-newcomers", "Coördinator activiteiten", true, kAsylumLocationServices},
};
// clang-format on

// A named organisation; its services come from its group's pool.
struct OrgDef {
  std::string_view key = {};
  std::string_view name = {};
  std::string_view cities = {};  // city keys; the first is the main location, others add locations
  std::string_view communities = {};  // community slugs
  std::string_view languages = {};    // offered by every service besides Dutch
  std::string_view services = {};     // keys into the group's pool; empty: the whole pool
  std::string_view description = {};
  std::string_view kind = {};  // empty: the group's kind
  std::string_view contact = {};
  std::string_view area = {};  // service area of all its services, for regional organisations
  std::string_view area_description = {};
};

// clang-format off
constexpr OrgDef kMosques[] = {
    {"moskee-ar-rahma", "Moskee Ar-Rahma", "den-haag", "moroccan", "ar,zgh",
     "vrijdaggebed,koranles,huiswerkbegeleiding,vrouwenochtend",
     "Marokkaanse moskee in de Schilderswijk met veel activiteiten voor jongeren en vrouwen."},
    {"moskee-laak", "Turkse Moskee Laak", "den-haag", "turkish", "tr",
     "vrijdaggebed,moskee-ouderen,huiswerkbegeleiding",
     "Turks-islamitische gemeenschap in Laak met een theehuis, een "
     "gebedsruimte en een ouderengroep."},
    {"somalische-moskee-den-haag", "Somalische Moskee As-Salaam", "den-haag", "somali", "so,ar",
     "vrijdaggebed,koranles,ramadan",
     "Kleine moskee voor de Somalische gemeenschap in Den Haag, ook "
     "een plek voor advies en steun."},
    {"moskee-rijswijk", "Moskee Al-Nour Rijswijk", "rijswijk", "moroccan", "ar",
     "vrijdaggebed,ramadan,open-moskee",
     "Buurtmoskee in Rijswijk die graag samenwerkt met kerken en het wijkteam."},
    {"islamitisch-centrum-zoetermeer", "Islamitisch Centrum Zoetermeer", "zoetermeer",
     "moroccan,turkish", "ar,tr", "vrijdaggebed,jongeren-identiteit,vrouwenochtend",
     "Moskee en ontmoetingscentrum voor moslims uit Zoetermeer van verschillende afkomst."},
    {"moskee-delft", "Moskee Al-Houda Delft", "delft", "moroccan", "ar,zgh",
     "vrijdaggebed,koranles,open-moskee",
     "Moskee in Delft met een open houding naar de stad; studenten "
     "van de universiteit helpen mee."},
    {"turks-centrum-kanaleneiland", "Turks-Islamitisch Centrum Kanaleneiland", "utrecht", "turkish",
     "tr", "vrijdaggebed,huiswerkbegeleiding,moskee-ouderen",
     "Turkse moskee in Kanaleneiland met een actieve jongerenafdeling en huiswerkklas."},
    {"moskee-lombok", "Moskee El Fath Lombok", "utrecht", "moroccan,syrian", "ar,zgh",
     "vrijdaggebed,jongeren-identiteit,vrouwenochtend,ramadan",
     "Moskee in de wijk Lombok, een ontmoetingsplek voor Marokkaanse en Syrische gezinnen."},
    {"afghaans-islamitisch-centrum", "Afghaans Islamitisch Centrum Utrecht", "utrecht", "afghan",
     "prs,ps", "vrijdaggebed,vrouwenochtend",
     "Gebedsruimte en ontmoetingsplek voor Afghaanse families uit Utrecht en omgeving."},
    {"moskee-enschede-oost", "Moskee Selimiye Enschede", "enschede", "turkish", "tr",
     "vrijdaggebed,koranles,moskee-ouderen",
     "Turkse moskee in Enschede-Oost, al ruim veertig jaar een vaste "
     "plek voor de Turkse gemeenschap."},
    {"moskee-an-nasr", "Moskee An-Nasr Enschede", "enschede", "moroccan,syrian", "ar",
     "vrijdaggebed,ramadan,huiswerkbegeleiding",
     "Arabisch sprekende moskee die veel nieuwkomers uit Syrië en Irak heeft verwelkomd."},
    {"islamitisch-centrum-groningen", "Islamitisch Centrum Groningen", "groningen",
     "syrian,moroccan", "ar", "vrijdaggebed,open-moskee,jongeren-identiteit",
     "Moskee en centrum voor moslimstudenten, gezinnen en nieuwkomers in de stad Groningen."},
    {"islamitische-stichting-leeuwarden", "Islamitische Stichting Leeuwarden", "leeuwarden",
     "syrian", "ar", "vrijdaggebed,ramadan",
     "De moskee van Leeuwarden, met gebedsruimte, lessen en een voedselactie."},
    {"islamitische-gemeenschap-veendam", "Islamitische Gemeenschap Veendam", "veendam",
     "turkish,syrian", "tr,ar", "vrijdaggebed,moskee-ouderen",
     "Kleine moskee in Veendam waar Turkse en Syrische inwoners samen bidden."},
};

constexpr OrgDef kChurches[] = {
    {"eritrees-orthodox-den-haag", "Eritrees-Orthodoxe Kerk Kidane Mehret", "den-haag", "eritrean",
     "ti", "kerkdienst,diaconie,kerk-taalles",
     "Orthodoxe gemeente van Eritrese gelovigen uit de hele regio, "
     "met diensten in het Ge'ez en Tigrinya."},
    {"living-waters-den-haag", "Living Waters Pentecostal Church", "den-haag", "ghanaian", "en,tw",
     "kerkdienst,diaconie,kerk-jongeren,kerk-gezondheid",
     "Ghanese pinkstergemeente met zo'n driehonderd leden, een groot "
     "koor en een actieve jongerengroep."},
    {"kasih-karunia", "Indonesische Gemeente Kasih Karunia", "den-haag", "", "id",
     "kerkdienst,kerk-bezoekgroep",
     "Indonesische protestantse gemeente met veel oudere leden, al "
     "sinds de jaren zestig in Den Haag."},
    {"nueva-esperanza", "Iglesia Latina Nueva Esperanza", "den-haag", "", "es,pt",
     "kerkdienst,kerk-taalles,kerk-vrouwen",
     "Spaanstalige gemeente voor Latijns-Amerikanen, van Colombia tot Venezuela."},
    {"ethiopisch-evangelisch-haaglanden", "Ethiopische Evangelische Gemeente Haaglanden",
     "den-haag", "", "am", "kerkdienst,kerk-jongeren",
     "Evangelische gemeente van Ethiopiërs met diensten in het Amhaars."},
    {"grace-assembly", "Grace Assembly International", "den-haag", "", "en,yo",
     "kerkdienst,diaconie,kerk-gezondheid",
     "Nigeriaanse gemeente met diensten in het Engels en een groot diaconaal netwerk."},
    {"chinese-gemeente-den-haag", "Chinese Christelijke Gemeente Den Haag", "den-haag", "", "zh,en",
     "kerkdienst,kerk-taalles,kerk-bezoekgroep",
     "Chinese gemeente met diensten in het Mandarijn en Kantonees en een eigen taalklas."},
    {"sint-hedwig", "Poolse Katholieke Parochie Sint-Hedwig", "den-haag", "polish", "pl",
     "kerkdienst,diaconie,kerk-jongeren",
     "Poolse katholieke parochie voor arbeidsmigranten en hun gezinnen in de Haagse regio."},
    {"filipijnse-gemeenschap", "Filipijnse Katholieke Gemeenschap Haaglanden", "den-haag", "",
     "tl,en", "kerkdienst,kerk-vrouwen",
     "Filipijnse katholieken, veel van hen werken in de zorg en in huishoudens."},
    {"tamil-fellowship", "Tamil Christian Fellowship", "den-haag", "", "ta,en",
     "kerkdienst,kerk-bezoekgroep",
     "Gemeente van Tamils uit Sri Lanka en India, met diensten in het Tamil."},
    {"communaute-congolaise", "Communauté Évangélique Congolaise", "den-haag", "", "fr,ln",
     "kerkdienst,diaconie,kerk-vrouwen",
     "Franstalige gemeente van Congolezen en andere "
     "Centraal-Afrikanen, met diensten in het Lingala."},
    {"perzische-gemeente-haaglanden", "Perzische Christelijke Gemeente Haaglanden", "den-haag",
     "afghan", "fa,prs", "kerkdienst,kerk-taalles",
     "Farsi-sprekende gemeente van Iraanse en Afghaanse christenen, "
     "veel leden zijn nog in procedure."},
    {"arabisch-christelijke-gemeente", "Arabisch-Christelijke Gemeente Den Haag", "den-haag",
     "syrian", "ar", "kerkdienst,diaconie",
     "Arabischtalige protestantse gemeente van christenen uit Syrië, Irak en Egypte."},
    {"koptisch-sint-marcus", "Koptisch-Orthodoxe Gemeente Sint-Marcus", "den-haag", "", "ar",
     "kerkdienst,kerk-jongeren", "Koptische gemeente met Egyptische wortels en een zondagsschool."},
    {"oekraiense-parochie-den-haag", "Oekraïense Grieks-Katholieke Parochie", "den-haag",
     "ukrainian", "uk", "kerkdienst,diaconie,kerk-taalles",
     "Parochie die sinds 2022 ook veel ontheemden uit Oekraïne opvangt en helpt."},
    {"luz-da-vida", "Igreja Brasileira Luz da Vida", "den-haag", "", "pt",
     "kerkdienst,kerk-jongeren", "Portugeestalige gemeente van Brazilianen en Kaapverdianen."},
    {"cameroonian-fellowship", "Cameroonian Christian Fellowship", "den-haag", "", "fr,en",
     "kerkdienst,kerk-gezondheid",
     "Tweetalige gemeente van Kameroeners, Engels en Frans door elkaar."},
    {"swahili-fellowship", "Swahili Fellowship Haaglanden", "den-haag", "", "sw,en",
     "kerkdienst,kerk-vrouwen", "Gemeente van Oost-Afrikanen uit Kenia, Tanzania en Oeganda."},
    {"eritrees-evangelisch-rijswijk", "Eritrese Evangelische Gemeente Rijswijk", "rijswijk",
     "eritrean", "ti", "kerkdienst,kerk-jongeren,diaconie",
     "Jonge Eritrese gemeente; de meeste leden kwamen de afgelopen tien jaar naar Nederland."},
    {"ghanaian-methodist-rijswijk", "Ghanaian Methodist Fellowship", "rijswijk", "ghanaian",
     "en,tw", "kerkdienst,kerk-bezoekgroep",
     "Methodistische gemeente van Ghanezen, al dertig jaar in Rijswijk."},
    {"moluks-zoetermeer", "Moluks-Indonesische Gemeente Zoetermeer", "zoetermeer", "", "id",
     "kerkdienst,kerk-bezoekgroep", "Molukse gemeente met diensten in het Nederlands en Maleis."},
    {"icf-zoetermeer", "International Christian Fellowship Zoetermeer", "zoetermeer", "", "en,es",
     "kerkdienst,diaconie,kerk-taalles",
     "Internationale gemeente met leden uit meer dan twintig landen."},
    {"chinese-gemeente-delft", "Chinese Christelijke Gemeente Delft", "delft", "", "zh,en",
     "kerkdienst,kerk-jongeren", "Chinese gemeente met veel studenten en jonge gezinnen."},
    {"iglesia-hispana-delft", "Iglesia Hispana Delft", "delft", "", "es", "kerkdienst,kerk-vrouwen",
     "Kleine Spaanstalige gemeente die op zondagmiddag een kerkzaal huurt."},
    {"mor-afrem-delft", "Syrisch-Orthodoxe Kerk Mor Afrem", "delft", "syrian", "ar",
     "kerkdienst,diaconie", "Syrisch-orthodoxe gemeente met diensten in het Aramees en Arabisch."},
    {"eritrees-orthodox-utrecht", "Eritrees-Orthodoxe Kerk Sint-Michaël", "utrecht", "eritrean",
     "ti,am", "kerkdienst,diaconie,kerk-vrouwen",
     "Grote Eritrese gemeente in Utrecht, ook voor Ethiopische gelovigen."},
    {"ghanaian-pentecostal-utrecht", "Ghanaian Pentecostal Church Utrecht", "utrecht", "ghanaian",
     "en,tw", "kerkdienst,kerk-jongeren",
     "Pinkstergemeente van Ghanezen met een bloeiende jongerengroep."},
    {"poolse-parochie-utrecht", "Poolse Katholieke Parochie Utrecht", "utrecht", "polish", "pl",
     "kerkdienst,kerk-taalles", "Poolse parochie met elke week een mis in het Pools."},
    {"perzische-kerk-utrecht", "Perzische Kerk Utrecht", "utrecht", "afghan", "fa",
     "kerkdienst,kerk-gezondheid", "Farsi-sprekende gemeente van Iraniërs en Afghanen."},
    {"eritrees-orthodox-twente", "Eritrese Orthodoxe Gemeente Twente", "enschede", "eritrean", "ti",
     "kerkdienst,diaconie", "Orthodoxe gemeente voor Eritreeërs uit Enschede, Hengelo en Almelo."},
    {"poolse-gemeenschap-enschede", "Poolse Katholieke Gemeenschap Enschede", "enschede", "polish",
     "pl", "kerkdienst,kerk-taalles",
     "Poolse katholieken in Twente, veel leden werken in de logistiek."},
    {"noorderlicht-fellowship", "Noorderlicht International Fellowship", "groningen", "", "en",
     "kerkdienst,kerk-jongeren,diaconie",
     "Engelstalige gemeente voor internationale studenten en gezinnen."},
    {"eritrees-evangelisch-groningen", "Eritrese Evangelische Kerk Groningen", "groningen",
     "eritrean", "ti", "kerkdienst,kerk-vrouwen",
     "Eritrese gemeente in Groningen, veel leden wonen in de omliggende dorpen."},
    {"oekraiens-orthodox-groningen", "Oekraïens-Orthodoxe Parochie Groningen", "groningen",
     "ukrainian", "uk,ru", "kerkdienst,diaconie",
     "Orthodoxe parochie die Oekraïense vluchtelingen in de provincie helpt."},
    {"eritrees-orthodox-leeuwarden", "Eritrese Orthodoxe Gemeente Leeuwarden", "leeuwarden",
     "eritrean", "ti", "kerkdienst,kerk-taalles",
     "De Eritrese kerk van Friesland, met diensten in een gehuurde kerkzaal."},
    {"internationale-kerk-fryslan", "Internationale Kerk Fryslân", "leeuwarden", "", "en",
     "kerkdienst,diaconie,kerk-bezoekgroep",
     "Engelstalige protestantse gemeente in het centrum van Leeuwarden."},
};

constexpr OrgDef kAssociations[] = {
    {"eritrese-vereniging-haaglanden", "Eritrese Vereniging Haaglanden", "den-haag", "eritrean",
     "ti", "brieven,moedertaal,vrouwenbijeenkomst",
     "Vereniging van Eritreeërs in de Haagse regio: hulp bij de eerste stappen in "
     "Nederland en behoud van taal en cultuur."},
    {"syrische-gemeenschap-zoetermeer", "Syrische Gemeenschap Zoetermeer", "zoetermeer", "syrian",
     "ar", "brieven,opvoedcafe,werk-zoeken",
     "Vrijwilligers uit de Syrische gemeenschap helpen elkaar met taal en werk."},
    {"marokkaanse-ouderen-haaglanden", "Vereniging Marokkaanse Ouderen Haaglanden", "den-haag",
     "moroccan", "ar,zgh", "ouderenmiddag,brieven",
     "Vereniging van en voor Marokkaanse ouderen: ontmoeting, "
     "voorlichting en hulp bij regelingen."},
    {"somalische-vrouwen-utrecht", "Somalische Vrouwenvereniging Utrecht", "utrecht", "somali",
     "so", "vrouwenbijeenkomst,voorlichting-geweld,opvoedcafe",
     "Somalische vrouwen die elkaar steunen bij opvoeding, gezondheid en zelfstandigheid."},
    {"oekraiens-huis-groningen", "Oekraïens Huis Groningen", "groningen", "ukrainian", "uk,ru",
     "brieven,moedertaal,werk-zoeken",
     "Ontmoetingsplek en informatiepunt voor Oekraïners in de provincie Groningen."},
    {"afghaanse-vereniging-utrecht", "Afghaanse Culturele Vereniging Utrecht", "utrecht", "afghan",
     "prs,ps", "vrouwenbijeenkomst,ouderenmiddag,moedertaal",
     "Culturele vereniging van Afghanen: Nowruz-feest, lessen in Dari en hulp voor nieuwkomers."},
    {"poolse-vereniging-zuid-holland", "Poolse Vereniging Zuid-Holland", "den-haag", "polish", "pl",
     "brieven,werk-zoeken",
     "Vereniging die Poolse arbeidsmigranten helpt met werk, huur en regels in Nederland."},
    {"turkse-vrouwen-twente", "Turkse Vrouwenvereniging Twente", "enschede", "turkish", "tr",
     "vrouwenbijeenkomst,voorlichting-geweld,samen-sporten",
     "Turkse vrouwen uit Twente die samen sporten, leren en voor elkaar opkomen."},
    {"koerdisch-centrum-groningen", "Koerdisch Cultureel Centrum Groningen", "groningen", "syrian",
     "ku,ar", "moedertaal,brieven", "Centrum voor Koerden uit Syrië, Irak, Iran en Turkije."},
    {"ghanese-vereniging-haaglanden", "Ghanese Vereniging Haaglanden", "den-haag", "ghanaian",
     "en,tw", "ouderenmiddag,opvoedcafe",
     "Vereniging van Ghanezen met aandacht voor ouderen en jonge gezinnen."},
    {"eritrese-jongeren-fryslan", "Eritrese Jongeren Fryslân", "leeuwarden", "eritrean", "ti",
     "samen-sporten,werk-zoeken",
     "Jonge Eritreeërs in Friesland die elkaar helpen met school, werk en sport."},
    {"syrisch-platform-oost-groningen", "Syrisch Platform Oost-Groningen", "veendam", "syrian",
     "ar", "brieven,vrouwenbijeenkomst",
     "Vrijwilligers die Syrische gezinnen in Oost-Groningen de weg wijzen."},
    {"ethiopische-gemeenschap-utrecht", "Ethiopische Gemeenschap Utrecht", "utrecht", "", "am",
     "moedertaal,opvoedcafe", "Vereniging van Ethiopiërs met lessen Amhaars voor kinderen."},
    {"amazigh-cultuurhuis-utrecht", "Amazigh Cultuurhuis Utrecht", "utrecht", "moroccan", "zgh,ar",
     "moedertaal,vrouwenbijeenkomst,voorlichting-geweld",
     "Cultuurhuis voor Amazigh-Nederlanders: taal, muziek en gesprekken over lastige onderwerpen."},
    {"oekraiense-ontmoetingsplek-drachten", "Oekraïense Ontmoetingsplek Drachten", "drachten",
     "ukrainian", "uk,ru", "brieven,opvoedcafe",
     "Wekelijkse ontmoetingsplek voor Oekraïense gezinnen in Smallingerland."},
    {"somalische-vereniging-enschede", "Somalische Vereniging Enschede", "enschede", "somali", "so",
     "brieven,samen-sporten",
     "Vereniging van Somaliërs in Enschede, met spreekuur en sport voor jongeren."},
    {"eritrese-gemeenschap-stadskanaal", "Eritrese Gemeenschap Stadskanaal", "stadskanaal",
     "eritrean", "ti", "brieven,vrouwenbijeenkomst",
     "Kleine vereniging van Eritrese gezinnen in de Kanaalstreek."},
    {"afghaanse-vrouwen-heerenveen", "Afghaanse Vrouwen Heerenveen", "heerenveen", "afghan",
     "prs,fa", "vrouwenbijeenkomst,opvoedcafe",
     "Afghaanse vrouwen die elkaar helpen hun weg te vinden in Friesland."},
    {"syrische-vereniging-sudwest-fryslan", "Syrische Vereniging Súdwest-Fryslân", "sneek",
     "syrian", "ar", "brieven,werk-zoeken",
     "Syrische statushouders in en rond Sneek die elkaar helpen met taal en werk."},
    {"multicultureel-centrum-de-linde", "Multicultureel Centrum De Linde", "groningen",
     "all-newcomers,syrian,eritrean", "ar,ti,en", "vrouwenbijeenkomst,opvoedcafe,ouderenmiddag",
     "Buurtcentrum en partner in het project Nieuwkomers aan Zet, met "
     "activiteiten voor alle nieuwkomers."},
};

constexpr OrgDef kLanguageSchools[] = {
    {"taalschool-de-brug", "Taalschool De Brug", "den-haag", "", "ar,tr,en",
     "inburgeringscursus,alfabetisering,examentraining",
     "Kleine taalschool in de Schilderswijk met docenten die zelf ook ooit nieuwkomer waren."},
    {"taalcentrum-hofstad", "Taalcentrum Hofstad", "den-haag", "", "en,uk",
     "inburgeringscursus,nt2-werkvloer",
     "Taalcentrum met cursussen overdag en 's avonds, ook voor werkende nieuwkomers."},
    {"taalinstituut-meerzicht", "Taalinstituut Meerzicht", "zoetermeer", "", "ar,ti",
     "inburgeringscursus,alfabetisering", "Erkende taalschool in Zoetermeer voor alle leerroutes."},
    {"nt2-centrum-delft", "NT2 Centrum Delft", "delft", "", "en",
     "inburgeringscursus,examentraining",
     "Taalschool voor hoogopgeleide nieuwkomers en partners van internationale werknemers.",
     "foundation"},
    {"taalschool-domstad", "Taalschool Domstad", "utrecht", "", "ar,fa",
     "inburgeringscursus,alfabetisering,examentraining",
     "Taalschool in het centrum van Utrecht met kleine groepen en kinderopvang."},
    {"leerhuis-kanaleneiland", "Leerhuis Kanaleneiland", "utrecht", "moroccan", "ar,zgh",
     "alfabetisering,nt2-werkvloer",
     "Buurtleerhuis voor vrouwen en mannen die laat leren lezen en schrijven.", "foundation"},
    {"twentse-taalschool", "Twentse Taalschool", "enschede", "", "ar,ti,tr",
     "inburgeringscursus,nt2-werkvloer",
     "Taalschool in Enschede die nauw samenwerkt met bedrijven in Twente."},
    {"taalschool-noorderlicht", "Taalschool Noorderlicht", "groningen", "", "ar,uk",
     "inburgeringscursus,examentraining",
     "Taalschool in Groningen met lessen in de stad, in Hoogezand en in Veendam."},
    {"taalcentrum-fryslan", "Taalcentrum Fryslân", "leeuwarden", "", "ar,ti",
     "inburgeringscursus,alfabetisering",
     "Taalcentrum voor heel Friesland, met lesplaatsen in Leeuwarden en Drachten."},
};

constexpr OrgDef kCompanies[] = {
    {"bouwbedrijf-noordhaven", "Bouwbedrijf Noordhaven BV", "groningen", "", "en",
     "werkervaringsplaats,bedrijfsbezoek",
     "Bouwbedrijf met 120 medewerkers dat elk jaar statushouders opleidt."},
    {"techniek-twente-werkt", "Techniek Twente Werkt BV", "enschede", "", "en",
     "bedrijfsbezoek,werkervaringsplaats,taalcoaching-werk",
     "Metaal- en installatiebedrijf dat samen met het platform bedrijfsbezoeken organiseert."},
    {"zuivel-greidhoeke", "Zuivelfabriek De Greidhoeke BV", "sneek", "", "", "werkervaringsplaats",
     "Zuivelfabriek die nieuwkomers een werkervaringsplaats in de productie biedt."},
    {"distributiecentrum-haaglanden", "Distributiecentrum Haaglanden BV", "zoetermeer", "polish",
     "pl,en", "werkervaringsplaats,taalcoaching-werk",
     "Logistiek bedrijf met veel Poolse en Oekraïense medewerkers en een eigen taalcoach."},
    {"codehaven", "Softwarebedrijf Codehaven BV", "delft", "", "en", "bedrijfsbezoek",
     "Softwarebedrijf dat nieuwkomers met een IT-achtergrond een kijkje in de keuken geeft."},
    {"thuiszorg-samen", "Thuiszorg Samen BV", "utrecht", "", "en,ar",
     "werkervaringsplaats,taalcoaching-werk",
     "Thuiszorgorganisatie die zorgverleners met een migratieachtergrond werft en begeleidt."},
};

constexpr OrgDef kFoundations[] = {
    {"rechtshulp-nieuwkomers", "Stichting Rechtshulp Nieuwkomers", "den-haag", "all-newcomers",
     "ar,ti,fa,en", "asiel-spreekuur,gezinshereniging",
     "Juristen en vrijwilligers die asielzoekers en statushouders gratis uitleg en steun geven."},
    {"gezondheid-in-eigen-taal", "Stichting Gezondheid in Eigen Taal", "utrecht", "all-newcomers",
     "ar,ti,so,tr", "gezondheid-eigen-taal,sleutelpersonen,alcohol-drugs",
     "Stichting die voorlichters uit migrantengemeenschappen opleidt en inzet.", "",
     "Coördinator voorlichters", "Heel Nederland",
     "Voorlichters komen naar kerken, moskeeën en verenigingen in het hele land."},
    {"veilig-samen", "Stichting Veilig Samen", "utrecht", "all-newcomers", "ar,tr,so,fa",
     "eer-en-veiligheid",
     "Landelijke stichting tegen huiselijk en eergerelateerd geweld in migrantengemeenschappen.",
     "", "", "Heel Nederland", "De hulplijn is voor iedereen in Nederland."},
    {"thuis-in-fryslan", "Stichting Thuis in Fryslân", "leeuwarden", "all-newcomers", "ar,ti",
     "huisvesting,welkomstprogramma",
     "Stichting die statushouders helpt zich thuis te voelen in Friesland."},
    {"geldmaatjes-haaglanden", "Stichting Geldmaatjes Haaglanden", "rijswijk", "", "en",
     "geldmaatje",
     "Vrijwilligers die mensen helpen hun administratie op orde te krijgen en te houden."},
    {"welkom-in-delft", "Stichting Welkom in Delft", "delft", "all-newcomers", "en,ar",
     "welkomstprogramma", "Buurtbewoners die nieuwe inwoners van Delft wegwijs maken."},
    {"vrouwen-in-beweging-enschede", "Stichting Vrouwen in Beweging Enschede", "enschede", "",
     "ar,tr,ti", "vrouwen-in-beweging",
     "Stichting die vrouwen helpt om letterlijk en figuurlijk in beweging te komen."},
    {"hulplijn-nieuwkomers", "Stichting Hulplijn Nieuwkomers", "utrecht", "all-newcomers", "",
     "hulplijn", "Landelijke hulplijn waar vrijwilligers vragen van nieuwkomers beantwoorden.", "",
     "Coördinator hulplijn", "Heel Nederland", "Bereikbaar voor nieuwkomers in heel Nederland."},
    {"rechtshulp-noord", "Stichting Rechtshulp Noord", "groningen", "all-newcomers", "ar,ti,uk",
     "asiel-spreekuur,huisvesting",
     "Rechtshulp voor nieuwkomers in Groningen, Friesland en Drenthe."},
    {"groninger-kansen", "Stichting Groninger Kansen", "hoogezand", "", "ar,ti",
     "welkomstprogramma,geldmaatje",
     "Partner in het project Nieuwkomers aan Zet: vrijwilligers in "
     "Midden-Groningen die nieuwkomers op weg helpen."},
};

// The organisations of the source texts, each with its own services.
constexpr OrgDef kChurchDesk[] = {
    {"kerkenloket-haaglanden", "Stichting Kerkenloket Haaglanden", "den-haag", "all-newcomers",
     "en,fr", "",
     "Loket en steunpunt voor ongeveer 120 migrantenkerken in de Haagse regio, samen "
     "meer dan 10.000 gelovigen uit alle delen van de wereld. Wij helpen bij het "
     "vinden van een gebedsruimte, trainen het kader en brengen kerken in contact met "
     "elkaar en met Nederlandse organisaties.",
     "", "Coördinator loket", "Regio Haaglanden",
     "Voor migrantenkerken in Den Haag, Rijswijk, Zoetermeer, Delft en omliggende gemeenten."},
};
constexpr OrgDef kUmbrella[] = {
    {"overleg-marokkaanse-organisaties", "Landelijk Overleg Marokkaanse Organisaties", "utrecht",
     "moroccan", "ar,zgh", "",
     "Landelijk samenwerkingsverband van Marokkaans-Nederlandse organisaties en overlegpartner van "
     "de overheid over integratie. Wij organiseren expertmeetings en netwerkbijeenkomsten, "
     "ontwikkelen projecten en zijn een vraagbaak over de positie van Marokkanen in Nederland.",
     "", "Beleidsmedewerker netwerken", "Heel Nederland",
     "Bijeenkomsten wisselen van stad; organisaties uit het hele land doen mee."},
};
constexpr OrgDef kPlatform[] = {
    {"platform-meedoen-enschede", "Platform Meedoen Enschede", "enschede",
     "all-newcomers,eritrean,syrian", "en,ar,ti", "",
     "Fysiek en digitaal punt waar inwoners, vrijwilligersorganisaties, bedrijven en asielzoekers "
     "en statushouders terechtkunnen met vraag en aanbod. Wij verbinden, inspireren en ontzorgen, "
     "en stemmen activiteiten af met het COA.",
     "", "Coördinator vrijwilligers"},
};
constexpr OrgDef kProvinceProject[] = {
    {"nieuwe-buren-groningen", "Stichting Nieuwe Buren Groningen",
     "groningen,hoogezand,veendam,stadskanaal", "all-newcomers,syrian,eritrean", "ar,ti,en", "",
     "Stichting die samen met migrantenorganisaties, buurtbewoners en bedrijven werkt aan "
     "volwaardig meedoen van nieuwkomers en oudkomers in de provincie Groningen. Wij voeren het "
     "project Nieuwkomers aan Zet uit, voor 300 migranten.",
     "", "Projectleider", "Provincie Groningen",
     "Deelnemers uit de hele provincie Groningen zijn welkom; activiteiten in vier plaatsen."},
};
// clang-format on

struct OrgGroup {
  std::string_view kind;
  bool accessible;  // its locations are step-free
  std::span<const OrgDef> orgs;
  std::span<const ServiceDef> pool;
};

constexpr OrgGroup kGroups[] = {
    {"mosque", false, kMosques, kMosqueServices},
    {"migrant-church", false, kChurches, kChurchServices},
    {"migrant-association", false, kAssociations, kAssociationServices},
    {"company", false, kLanguageSchools, kLanguageSchoolServices},
    {"company", true, kCompanies, kCompanyServices},
    {"foundation", false, kFoundations, kFoundationServices},
    {"foundation", true, kChurchDesk, kChurchDeskServices},
    {"umbrella-body", true, kUmbrella, kUmbrellaServices},
    {"volunteer-centre", true, kPlatform, kPlatformServices},
    {"foundation", true, kProvinceProject, kProvinceProjectServices},
};

// ---------------------------------------------------------------------------------------------
// Programs, funding, costs and translations

struct ProgramDef {
  std::string_view key;
  std::string_view organization;  // OrgDef key
  std::string_view name;
  std::string_view description;
};

constexpr ProgramDef kPrograms[] = {
    {"kaderopleiding", "kerkenloket-haaglanden", "Kaderopleiding migrantenkerken",
     "Een programma van een jaar om voorgangers, bestuurders en jongerenwerkers van "
     "migrantenkerken te trainen en te coachen."},
    {"meedoen-enschede", "platform-meedoen-enschede",
     "Maatschappelijk meedoen nieuwkomers Enschede",
     "Maatjes, sport en vrijwilligerswerk voor asielzoekers en statushouders, zodat zij snel "
     "meedoen in Enschede."},
    {"nieuwkomers-aan-zet", "nieuwe-buren-groningen", "Nieuwkomers aan Zet",
     "Project met Europese subsidie (AMIF) voor 300 migranten in de provincie Groningen: "
     "deelprojecten voor oriëntatie, werk, taal en meedoen, gebaseerd op wederkerigheid tussen "
     "migranten, buurtbewoners en bedrijven."},
};

struct FundingDef {
  std::string_view organization;  // OrgDef key
  std::string_view service;       // ServiceDef key; empty: the organisation as a whole
  std::string_view source;
};

constexpr FundingDef kFunding[] = {
    {"kerkenloket-haaglanden", "", "Gemeente Den Haag"},
    {"kerkenloket-haaglanden", "voedseldistributie", "Diaconieën van Haagse kerken"},
    {"overleg-marokkaanse-organisaties", "", "Ministerie van Sociale Zaken en Werkgelegenheid"},
    {"platform-meedoen-enschede", "", "Gemeente Enschede"},
    {"nieuwe-buren-groningen", "", "AMIF"},
    {"nieuwe-buren-groningen", "", "Gemeente Groningen"},
    {"nieuwe-buren-groningen", "orientatietraining", "AMIF"},
    {"nieuwe-buren-groningen", "scharrelondernemers", "AMIF"},
    {"nieuwe-buren-groningen", "taal-in-huis", "AMIF"},
    {"nieuwe-buren-groningen", "zorgcooperatie-ouderen", "Provincie Groningen"},
    {"gezondheid-in-eigen-taal", "", "Ministerie van Volksgezondheid, Welzijn en Sport"},
    {"hulplijn-nieuwkomers", "", "Particuliere fondsen"},
};

struct CostDef {
  std::string_view service;  // ServiceDef key: every instance gets this cost option
  std::string_view option;
  std::string_view amount;  // euro
  std::string_view amount_description;
};

constexpr CostDef kCosts[] = {
    {"inburgeringscursus", "Volledige B1-route", "10000",
     "Betaald door de gemeente; wie zelf inburgert, kan lenen bij DUO."},
    {"examentraining", "Vijf lessen", "95", "Eenmalig, inclusief oefenmateriaal."},
    {"koranles", "Lesgeld per maand", "15", "Gezinnen met een laag inkomen betalen de helft."},
    {"moedertaal", "Lesgeld per maand", "5", "Boeken en schriften zijn inbegrepen."},
    {"samen-sporten", "Per keer", "2.5", "Met een stadspas gratis."},
    {"samen-koken", "Bijdrage boodschappen", "3",
     "Per keer; wie het niet kan betalen, eet gratis mee."},
    {"kadertraining", "Per deelnemer", "50", "Voor de hele leergang; korting voor kleine kerken."},
};

// A translation of a service's name and main description, for every instance that uses the main
// description (the name alone otherwise); or of an organisation's description.
struct TranslationDef {
  std::string_view key;  // ServiceDef key, or OrgDef key for an organisation
  std::string_view language;
  std::string_view name;
  std::string_view description;
};

// clang-format off
constexpr TranslationDef kServiceTranslations[] = {
    {"voedselpakket", "en", "Collect a food parcel",
     "Once a week you collect a free food parcel at the distribution point. It contains bread, "
     "vegetables, dairy and long-life products for about three days."},
    {"voedselpakket", "ar", "استلام طرد غذائي",
     "مرة واحدة في الأسبوع تستلم طرداً غذائياً مجانياً من نقطة التوزيع. يحتوي الطرد على الخبز "
     "والخضار ومنتجات الألبان ومواد غذائية طويلة الصلاحية تكفي لثلاثة أيام تقريباً."},
    {"voedselpakket", "ti", "ምውሳድ ጥቕሉል መግቢ",
     "ሓንሳብ ኣብ ሰሙን ካብ መማቓሊ ቦታ ብናጻ ጥቕሉል መግቢ ትወስዱ። ኣብቲ ጥቕሉል ባኒ፣ ኣሕምልቲ፣ ፍርያት "
     "ጸባን ነዊሕ ዝጸንሑ መግብታትን ንሰለስተ መዓልቲ ዝኣክል ኣሎ።"},
    {"voedselpakket", "uk", "Отримати продуктовий набір",
     "Раз на тиждень ви безкоштовно отримуєте продуктовий набір у пункті видачі. У ньому є хліб, "
     "овочі, молочні продукти та продукти тривалого зберігання приблизно на три дні."},
    {"voedselpakket", "so", "Qaado xirmada cuntada",
     "Toddobaadkii hal mar ayaad xarunta qaybinta ka qaadanaysaa xirmo cunto ah oo "
     "bilaash ah. Xirmadu waxay ka kooban tahay rooti, khudaar, caano iyo cunto muddo "
     "dheer haysata oo ku filan saddex maalmood."},
    {"taalhuis", "en", "Language House: help with learning Dutch",
     "Would you like to read, write or speak Dutch better? At the Language House we find a course, "
     "a language buddy or a practice group that suits you."},
    {"taalhuis", "ar", "بيت اللغة: مساعدة في تعلم اللغة الهولندية",
     "هل تريد أن تتحسن في القراءة أو الكتابة أو التحدث باللغة الهولندية؟ في بيت اللغة نبحث معك عن "
     "دورة أو رفيق لغة أو مجموعة تدريب تناسبك."},
    {"taalhuis", "uk", "Мовний дім: допомога у вивченні нідерландської",
     "Хочете краще читати, писати чи розмовляти нідерландською? У Мовному домі ми разом з вами "
     "підберемо курс, мовного партнера або групу для практики."},
    {"taalhuis", "pl", "Taalhuis: pomoc w nauce niderlandzkiego",
     "Chcesz lepiej czytać, pisać lub mówić po niderlandzku? W Taalhuis razem z Tobą znajdziemy "
     "kurs, partnera do rozmów lub grupę, która Ci odpowiada."},
    {"taalhuis", "tr", "Dil Evi: Hollandaca öğrenmeye yardım",
     "Hollandacayı daha iyi okumak, yazmak veya konuşmak mı istiyorsunuz? Dil Evi'nde size uygun "
     "bir kurs, dil arkadaşı veya pratik grubunu birlikte buluyoruz."},
    {"noodhulp-geld", "en", "Emergency financial help",
     "A one-off gift or interest-free loan when you really cannot make ends meet, for example to "
     "prevent your gas and electricity from being cut off."},
    {"noodhulp-geld", "ar", "مساعدة مالية طارئة",
     "منحة لمرة واحدة أو قرض بدون فوائد عندما لا تستطيع تغطية نفقاتك "
     "فعلاً، مثلاً لتجنب قطع الغاز والكهرباء."},
    {"noodhulp-geld", "tr", "Acil maddi yardım",
     "Geçiminizi gerçekten sağlayamadığınızda, örneğin doğalgaz ve elektriğinizin kesilmesini "
     "önlemek için tek seferlik bir yardım veya faizsiz kredi."},
    {"noodhulp-geld", "fa", "کمک مالی اضطراری",
     "یک کمک یک‌باره یا وام بدون بهره، وقتی واقعاً از پس هزینه‌ها برنمی‌آیید؛ "
     "برای مثال برای جلوگیری از قطع گاز و برق."},
    {"statushouders", "en", "Support for refugees with a residence permit",
     "Have you received a residence permit and a home here? A case manager helps "
     "you during the first year with your benefits, health insurance, civic "
     "integration and finding your way in town."},
    {"statushouders", "ar", "مرافقة الحاصلين على الإقامة",
     "هل حصلت على تصريح إقامة وسكن هنا؟ يساعدك موظف مختص في البلدية خلال السنة الأولى في المعونة "
     "الاجتماعية والتأمين الصحي والاندماج والتعرف على المدينة."},
    {"statushouders", "ti", "ሓገዝ ንዝተቐበሉ ፍቓድ መንበሪ",
     "ፍቓድ መንበርን ገዛን ረኺብኩም ዲኹም? ኣብ ቀዳማይ ዓመት ሓደ ሰራሕተኛ ምምሕዳር ከተማ ብዛዕባ ሓገዝ "
     "ገንዘብ፣ መድሕን ጥዕና፣ ምውህሃድን ምፍላጥ ከተማን ይሕግዘኩም።"},
    {"statushouders", "so", "Taageerada dadka sharciga haysta",
     "Ma heshay sharciga deganaanshaha iyo guri? Sannadka koowaad shaqaale dowladda hoose ah ayaa "
     "kaa caawinaya gunnada, caymiska caafimaadka, is-dhexgalka iyo barashada magaalada."},
    {"statushouders", "fa", "همراهی دارندگان اقامت",
     "اجازه اقامت و خانه گرفته‌اید؟ یک مشاور شهرداری در سال اول در کارهای کمک‌هزینه، بیمه درمانی، "
     "ادغام و آشنایی با شهر به شما کمک می‌کند."},
    {"maatjestraject", "en", "Buddy programme for refugees with a residence permit",
     "A volunteer from Enschede spends six months with a status holder: discovering the city "
     "together, filling in forms or practising Dutch."},
    {"maatjestraject", "ar", "برنامج الرفيق للحاصلين على الإقامة",
     "يرافق متطوع من إنسخيده شخصاً حاصلاً على الإقامة لمدة ستة أشهر: لاكتشاف المدينة معاً أو ملء "
     "الاستمارات أو التدرّب على اللغة الهولندية."},
    {"maatjestraject", "ti", "መደብ መሓዛ ንዝተቐበሉ ፍቓድ መንበሪ",
     "ሓደ ወለንተኛ ካብ ኤንስኸደ ንሽዱሽተ ኣዋርሕ ምስ ፍቓድ መንበሪ ዝረኸበ ሰብ ይጓዓዝ፦ ብሓባር ነታ "
     "ከተማ ምፍላጥ፣ ቅጥዕታት ምምላእ ወይ ሆላንድኛ ምልምማድ።"},
    {"spullenbank", "en", "Goods and clothing bank",
     "Asylum seekers and status holders can pick free clothes, toys and household items here. "
     "Residents can bring things they no longer need."},
    {"spullenbank", "ar", "بنك الأغراض والملابس",
     "يمكن لطالبي اللجوء والحاصلين على الإقامة اختيار ملابس وألعاب وأغراض منزلية مجاناً هنا. ويمكن "
     "للسكان إحضار أغراض لم يعودوا بحاجة إليها."},
    {"spullenbank", "uk", "Банк речей та одягу",
     "Шукачі притулку та власники дозволу на проживання можуть безкоштовно вибрати тут одяг, "
     "іграшки та речі для дому. Мешканці можуть приносити речі, які їм більше не потрібні."},
    {"orientatietraining", "en", "Orientation training on Dutch core values",
     "A visual training on freedom, equality and solidarity, given by trainers who are migrants "
     "themselves. Lots of pictures and little text, so also suitable if you speak little Dutch."},
    {"orientatietraining", "ar", "تدريب توجيهي حول القيم الهولندية الأساسية",
     "تدريب مرئي حول الحرية والمساواة والتضامن، يقدّمه مدربون هم أنفسهم مهاجرون. فيه صور كثيرة ونص "
     "قليل، لذلك يناسبك أيضاً إذا كنت لا تتحدث الهولندية جيداً بعد."},
    {"taal-in-huis", "en", "Language at home",
     "A volunteer visits the family at home and practises Dutch with parents and children, with "
     "games, books and conversations at the kitchen table."},
    {"taal-in-huis", "ar", "اللغة في البيت",
     "يزور متطوع العائلة في البيت ويتدرّب على اللغة الهولندية مع الأهل والأطفال، "
     "بالألعاب والكتب والأحاديث حول طاولة المطبخ."},
    {"zorgcooperatie-ouderen", "en", "Care cooperative for older migrants",
     "Care workers with a migration background help older people from their own community, in "
     "their own language: with visits, shopping and finding their way to care."},
    {"zorgcooperatie-ouderen", "ar", "تعاونية رعاية المسنين المهاجرين",
     "يساعد مقدّمو رعاية من أصول مهاجرة كبار السن من جاليتهم وبلغتهم: "
     "بالزيارات والتسوق والوصول إلى خدمات الرعاية."},
    {"zorgcooperatie-ouderen", "tr", "Göçmen yaşlılar için bakım kooperatifi",
     "Göçmen kökenli bakım çalışanları kendi topluluklarındaki yaşlılara kendi dillerinde yardım "
     "eder: ziyaret, alışveriş ve bakım hizmetlerine ulaşmada."},
    {"actief-aanbod-vrijwilligerswerk", "en", "Active matching to volunteer work",
     "A matcher looks with you for volunteer work that fits your language, experience and wishes, "
     "and introduces you to the organisation. Organisations can also register vacancies."},
    {"actief-aanbod-vrijwilligerswerk", "ar", "المطابقة مع العمل التطوعي",
     "يبحث معك منسّق عن عمل تطوعي يناسب لغتك وخبرتك ورغباتك، ويعرّفك على المنظمة. "
     "ويمكن للمنظمات أيضاً تسجيل فرص التطوع."},
    {"gebedsruimte", "en", "Help finding a place of worship",
     "Many migrant churches are looking for an affordable space for their services. The "
     "help desk knows the available church halls and community centres in the region "
     "and mediates between church and landlord."},
    {"gebedsruimte", "ar", "المساعدة في إيجاد مكان للعبادة",
     "تبحث كنائس مهاجرين كثيرة عن مكان بسعر معقول لإقامة صلواتها. يعرف المكتب قاعات الكنائس "
     "والمراكز المجتمعية المتاحة في المنطقة ويتوسّط بين الكنيسة والمؤجّر."},
    {"voedseldistributie", "en", "Food distribution through migrant churches",
     "Together with the food bank and supermarkets we distribute food parcels through the "
     "churches. This way we also reach families the food bank does not know."},
    {"voedseldistributie", "ar", "توزيع الطعام عبر كنائس المهاجرين",
     "بالتعاون مع بنك الطعام والمتاجر نوزّع طرود الطعام عبر الكنائس. وبذلك نصل "
     "أيضاً إلى عائلات لا يعرفها بنك الطعام."},
    {"voedseldistributie", "ti", "ምክፍፋል መግቢ ብመገዲ ኣብያተ ክርስትያን ስደተኛታት",
     "ምስ ባንኪ መግብን ድኳናትን ብሓባር ብመገዲ ኣብያተ ክርስትያን ጥቕሉላት መግቢ ነማቕል። ብኸምዚ "
     "ነቶም ባንኪ መግቢ ዘይፈልጦም ስድራታት እውን ንበጽሖም።"},
    {"hulplijn", "en", "Helpline for newcomers",
     "Call, message or e-mail with questions about housing, money, care or school. Volunteers "
     "answer in your language or find out who can help you further."},
    {"hulplijn", "ar", "خط المساعدة للقادمين الجدد",
     "اتصل أو أرسل رسالة أو بريداً إلكترونياً بأسئلتك حول السكن أو المال أو الرعاية أو المدرسة. "
     "يجيبك متطوعون بلغتك أو يبحثون عمّن يستطيع مساعدتك."},
    {"hulplijn", "uk", "Гаряча лінія для новоприбулих",
     "Телефонуйте, пишіть у месенджер чи на e-mail із питаннями про житло, гроші, медичну допомогу "
     "чи школу. Волонтери відповідають вашою мовою або з’ясовують, хто може допомогти далі."},
    {"hulplijn", "fa", "خط کمک برای تازه‌واردان",
     "برای پرسش درباره مسکن، پول، درمان یا مدرسه تماس بگیرید، پیام بدهید یا ایمیل بزنید. داوطلبان "
     "به زبان شما پاسخ می‌دهند یا پیدا می‌کنند چه کسی می‌تواند بیشتر کمکتان کند."},
    {"hulplijn", "ti", "መስመር ሓገዝ ንሓደስቲ መጻእቲ", ""},
    {"hulplijn", "so", "Khadka caawimaadda dadka cusub", ""},
    {"hulplijn", "pl", "Infolinia dla nowo przybyłych", ""},
    {"hulplijn", "tr", "Yeni gelenler için yardım hattı", ""},
};

constexpr TranslationDef kOrganizationTranslations[] = {
    {"kerkenloket-haaglanden", "en", "",
     "Help desk and support centre for about 120 migrant churches in the Hague region, together "
     "more than 10,000 believers from all over the world. We help find a place of worship, train "
     "church leaders and connect churches with each other and with Dutch organisations."},
    {"kerkenloket-haaglanden", "ar", "",
     "مكتب دعم لنحو 120 كنيسة للمهاجرين في منطقة لاهاي، تضم معاً أكثر من "
     "10,000 مؤمن من كل أنحاء العالم. نساعد في إيجاد مكان للعبادة وندرّب "
     "القادة ونربط الكنائس ببعضها وبالمنظمات الهولندية."},
    {"overleg-marokkaanse-organisaties", "en", "",
     "National partnership of Moroccan-Dutch organisations and a partner of the government in "
     "consultations on integration. We organise expert and network meetings, develop projects and "
     "answer questions about Moroccans in the Netherlands."},
    {"overleg-marokkaanse-organisaties", "ar", "",
     "شراكة وطنية للمنظمات الهولندية المغربية وشريك للحكومة في التشاور حول الاندماج. ننظّم لقاءات "
     "للخبراء ولقاءات تواصل، ونطوّر مشاريع ونجيب عن الأسئلة حول المغاربة في هولندا."},
    {"platform-meedoen-enschede", "en", "",
     "A physical and online meeting point where residents, volunteer organisations, companies, "
     "asylum seekers and status holders bring together what they need and what they offer."},
    {"nieuwe-buren-groningen", "en", "",
     "A foundation working with migrant organisations, neighbours and companies so that "
     "newcomers take part fully in the province of Groningen. We run the project "
     "Newcomers Take the Lead, for 300 migrants."},
};
// clang-format on

// ---------------------------------------------------------------------------------------------
// Helpers

// FNV-1a with a SplitMix64 finaliser: the same on every platform, unlike std::hash.
std::uint64_t Hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  hash = (hash ^ (hash >> 30)) * 0xbf58476d1ce4e5b9ULL;
  hash = (hash ^ (hash >> 27)) * 0x94d049bb133111ebULL;
  return hash ^ (hash >> 31);
}

// A number in [0, n) for `key`, the same on every run; `purpose` makes the choices independent.
std::size_t Pick(std::string_view key, std::string_view purpose, std::size_t n) {
  return static_cast<std::size_t>(Hash(std::string(purpose) + ':' + std::string(key)) % n);
}

std::string Id(std::string_view kind, std::string_view key) {
  return domain::NameUuid("demo:" + std::string(kind) + ":" + std::string(key));
}

// The constant tables refer to each other by key; a key that does not resolve is a bug in them.
[[noreturn]] void BadKey(std::string_view what, std::string_view key) {
  throw std::logic_error("demo data: unknown " + std::string(what) + " '" + std::string(key) + "'");
}

const City& FindCity(std::string_view key) {
  for (const City& city : kCities) {
    if (city.key == key) return city;
  }
  BadKey("city", key);
}

std::string_view NameOfLanguage(std::string_view code) {
  for (const LanguageName& language : kLanguages) {
    if (language.code == code) return language.name;
  }
  BadKey("language", code);
}

std::string Fill(std::string_view text, const City& city, std::string_view languages = "nl") {
  const std::pair<std::string_view, std::string_view> tokens[] = {
      {"{plaats}", city.name},
      {"{gemeente}", city.municipality},
      {"{taal}", NameOfLanguage(languages.empty() ? "nl" : Split(languages, ',').front())}};
  std::string out(text);
  for (auto [token, value] : tokens) {
    for (auto at = out.find(token); at != std::string::npos;
         at = out.find(token, at + value.size())) {
      out.replace(at, token.size(), value);
    }
  }
  return out;
}

std::string TwoDigits(std::size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// A date from 2025-01-01 to 2026-11-01 (670 days), chosen by `key`.
std::string DateFor(std::string_view key, std::string_view purpose) {
  static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = static_cast<int>(Pick(key, purpose, 670));
  int year = 2025;
  for (; days >= (year % 4 == 0 ? 366 : 365); ++year) days -= year % 4 == 0 ? 366 : 365;
  int month = 0;
  for (; days >= kMonthDays[month] + (month == 1 && year % 4 == 0); ++month) {
    days -= kMonthDays[month] + (month == 1 && year % 4 == 0);
  }
  return std::to_string(year) + "-" + TwoDigits(month + 1) + "-" + TwoDigits(days + 1);
}

std::string Coordinate(double centre, std::string_view key, std::string_view purpose,
                       double spread) {
  double offset = (static_cast<double>(Pick(key, purpose, 2001)) / 1000.0 - 1.0) * spread;
  char text[32];
  std::snprintf(text, sizeof text, "%.5f", centre + offset);
  return text;
}

// "2511 AB": PostNL leaves out F, I, O, Q, U and Y, and the pairs SA, SD and SS.
std::string PostalCode(const City& city, std::string_view key) {
  static constexpr std::string_view kFirst = "ABCDEGHJKLMNPRTVWXZ";
  static constexpr std::string_view kSecond = "ABCDEGHJKLMNPRSTVWXZ";
  auto prefixes = Split(city.postal_prefixes, ',');
  return std::string(prefixes[Pick(key, "postcode", prefixes.size())]) + " " +
         kFirst[Pick(key, "letter1", kFirst.size())] +
         kSecond[Pick(key, "letter2", kSecond.size())];
}

// A fictional number in the city's area: "070 312 4567" or "0598 61 23 45".
std::string PhoneNumber(const City& city, std::string_view key) {
  std::uint64_t h = Hash(std::string("phone:") + std::string(key));
  std::string digits(1, static_cast<char>('2' + h % 8));  // subscriber numbers start with 2-9
  for (h /= 8; digits.size() < (city.area_code.size() == 3 ? 7u : 6u); h /= 10) {
    digits.push_back(static_cast<char>('0' + h % 10));
  }
  std::string number(city.area_code);
  if (digits.size() == 7) return number + " " + digits.substr(0, 3) + " " + digits.substr(3);
  return number + " " + digits.substr(0, 2) + " " + digits.substr(2, 2) + " " + digits.substr(4);
}

// Lower-case ASCII words joined by '-', for the fictional .example domains: "Stichting Thuis in
// Fryslân" becomes "stichting-thuis-in-fryslan". Accents are dropped, and so are other scripts.
std::string Slug(std::string_view text) {
  static constexpr std::string_view kLatin1 = "aaaaaaaceeeeiiiidnooooo-ouuuuyts";  // U+00C0..U+00DF
  std::string slug;
  bool gap = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    char letter = 0;
    if (c == 0xC3 && i + 1 < text.size()) {
      letter = kLatin1[static_cast<unsigned char>(text[++i]) & 0x1F];
    } else if (c < 0x80 && std::isalnum(c)) {
      letter = static_cast<char>(std::tolower(c));
    }
    if (letter == 0 || letter == '-') {
      gap = !slug.empty();
      continue;
    }
    if (gap) slug.push_back('-');
    slug.push_back(letter);
    gap = false;
  }
  return slug;
}

std::string_view LegalStatus(std::string_view kind) {
  if (kind == "migrant-church") return "Kerkgenootschap";
  if (kind == "migrant-association") return "Vereniging";
  if (kind == "company") return "Besloten vennootschap";
  if (kind == "municipal-team") return "Overheid";
  if (kind == "asylum-agency-location") return "Zelfstandig bestuursorgaan";
  return "Stichting";
}

// One schedule record's worth of opening hours.
struct Hours {
  std::string freq = {};
  std::string byday = {};
  std::string opens_at = {};
  std::string closes_at = {};
  std::string description = {};  // "Maandag en woensdag van 9.00 tot 12.30 uur"
};

std::string DutchTime(std::string_view time) {  // "09:30" -> "9.30"
  std::string out(time.substr(time[0] == '0' ? 1 : 0));
  out[out.find(':')] = '.';
  return out;
}

std::string_view DayName(std::string_view day) {
  static constexpr std::pair<std::string_view, std::string_view> kDays[] = {
      {"MO", "maandag"}, {"TU", "dinsdag"},  {"WE", "woensdag"}, {"TH", "donderdag"},
      {"FR", "vrijdag"}, {"SA", "zaterdag"}, {"SU", "zondag"}};
  for (auto [code, name] : kDays) {
    if (code == day) return name;
  }
  BadKey("day", day);
}

// Parses the opening-hours notation of kCommonHours.
std::vector<Hours> ParseHours(std::string_view spec) {
  static constexpr std::string_view kOrdinals[] = {"", "eerste", "tweede", "derde", "vierde"};
  std::vector<Hours> result;
  for (std::string_view part : Split(spec, ';')) {
    auto space = part.find(' ');
    auto dash = part.find('-', space);
    if (space == std::string_view::npos || dash == std::string_view::npos) BadKey("hours", part);
    Hours hours{.freq = "WEEKLY",
                .byday = std::string(part.substr(0, space)),
                .opens_at = std::string(part.substr(space + 1, dash - space - 1)),
                .closes_at = std::string(part.substr(dash + 1))};
    std::string when;
    if (hours.byday.starts_with("M:")) {  // "M:1TH": the first Thursday of every month
      hours.freq = "MONTHLY";
      hours.byday = hours.byday.substr(2);
      if (hours.byday[0] < '1' || hours.byday[0] > '4') BadKey("hours", part);
      when = "Elke " + std::string(kOrdinals[hours.byday[0] - '0']) + " " +
             std::string(DayName(std::string_view(hours.byday).substr(1))) + " van de maand";
    } else {
      auto days = Split(hours.byday, ',');
      for (std::size_t i = 0; i < days.size(); ++i) {
        if (i > 0) when += i + 1 == days.size() ? " en " : ", ";
        when += DayName(days[i]);
      }
      when[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(when[0])));
    }
    hours.description =
        when + " van " + DutchTime(hours.opens_at) + " tot " + DutchTime(hours.closes_at) + " uur";
    result.push_back(std::move(hours));
  }
  return result;
}

std::string_view ResolveHours(std::string_view schedule, std::string_view service_key) {
  if (schedule == "*") return kCommonHours[Pick(service_key, "hours", std::size(kCommonHours))];
  if (schedule == "*SU") return kSundayHours[Pick(service_key, "hours", std::size(kSundayHours))];
  return schedule;
}

// ---------------------------------------------------------------------------------------------
// Building

// An organisation about to be written, whichever table it came from.
struct Org {
  std::string key = {};
  std::string name = {};
  std::string description = {};
  std::string_view kind = {};
  std::vector<const City*> cities = {};  // one location in each
  std::string_view communities = {};
  std::string_view languages = {};
  std::string_view contact = {};
  std::string_view area = {};
  std::string_view area_description = {};
  bool accessible = false;
  std::string id = {};                         // set by AddOrganisation
  std::vector<std::string> location_ids = {};  // set by AddOrganisation
};

class DemoBuilder {
 public:
  DemoBuilder() : tables_(domain::AllTables().size()) {}

  void AddOrganisation(Org& org);
  void AddService(const Org& org, const ServiceDef& def);

  std::vector<Record> Take() && {
    std::vector<Record> records;
    for (auto& table : tables_) {
      for (Record& record : table) records.push_back(std::move(record));
    }
    return records;
  }

 private:
  void Add(Record record) {
    tables_[static_cast<std::size_t>(record.table())].push_back(std::move(record));
  }
  void AddLocation(Org& org, const City& city);
  void AddTranslation(std::string_view table, std::string_view key, std::string_view record_id,
                      std::string_view field, std::string_view language, std::string_view text) {
    Add(Record(Table::kTranslation)
            .With("id", Id("translation", std::string(table) + ":" + std::string(key) + ":" +
                                              std::string(field) + ":" + std::string(language)))
            .With("table_name", std::string(table))
            .With("record_id", std::string(record_id))
            .With("field_name", std::string(field))
            .With("language", std::string(language))
            .With("text", std::string(text)));
  }

  std::vector<std::vector<Record>> tables_;  // by Table, so that Take() returns them in Table order
  std::map<std::string_view, int> uses_;     // instances per ServiceDef key, to alternate wordings
};

void DemoBuilder::AddOrganisation(Org& org) {
  org.id = Id("organization", org.key);
  const City& city = *org.cities.front();
  const std::string site = Slug(org.name) + ".example";
  // Small congregations and associations do not all keep a website or a telephone line.
  const bool small =
      org.kind == "migrant-church" || org.kind == "mosque" || org.kind == "migrant-association";
  const bool online = !small || Pick(org.key, "online", 5) != 0;

  Record record(Table::kOrganization);
  record.With("id", org.id)
      .With("name", org.name)
      .With("description", org.description)
      .With("legal_status", std::string(LegalStatus(org.kind)));
  if (online) record.With("email", "info@" + site).With("website", "https://" + site);
  if (org.kind != "municipal-team" && org.kind != "asylum-agency-location") {
    record.With("year_incorporated", std::to_string(1975 + Pick(org.key, "founded", 48)));
  }
  Add(std::move(record));

  Add(domain::TermAttribute("organization", org.id, domain::TermId("organization-kind", org.kind)));
  for (std::string_view community : Split(org.communities, ',')) {
    Add(domain::TermAttribute("organization", org.id, domain::TermId("community", community)));
  }
  Add(domain::TermAttribute("organization", org.id, domain::LastVerifiedTermId(),
                            DateFor(org.key, "verified")));

  for (const City* place : org.cities) AddLocation(org, *place);
  if (!small || Pick(org.key, "phone", 3) != 0) {
    Add(Record(Table::kPhone)
            .With("id", Id("phone", org.key))
            .With("organization_id", org.id)
            .With("number", PhoneNumber(city, org.key))
            .With("type", "voice")
            .With("description", "Algemeen nummer"));
  }
  if (!org.contact.empty()) {
    Record contact(Table::kContact);
    contact.With("id", Id("contact", org.key))
        .With("organization_id", org.id)
        .With("title", std::string(org.contact));
    if (online) contact.With("email", Slug(org.contact) + "@" + site);
    Add(std::move(contact));
  }
  for (const ProgramDef& program : kPrograms) {
    if (program.organization != org.key) continue;
    Add(Record(Table::kProgram)
            .With("id", Id("program", program.key))
            .With("organization_id", org.id)
            .With("name", std::string(program.name))
            .With("description", std::string(program.description)));
  }
  for (const FundingDef& funding : kFunding) {
    if (funding.organization != org.key || !funding.service.empty()) continue;
    Add(Record(Table::kFunding)
            .With("id", Id("funding", org.key + ":" + std::string(funding.source)))
            .With("organization_id", org.id)
            .With("source", std::string(funding.source)));
  }
  for (const TranslationDef& translation : kOrganizationTranslations) {
    if (translation.key != org.key) continue;
    AddTranslation("organization", org.key, org.id, "description", translation.language,
                   translation.description);
  }
}

void DemoBuilder::AddLocation(Org& org, const City& city) {
  const std::string key = org.key + "#" + std::to_string(org.location_ids.size());
  const std::string id = Id("location", key);
  org.location_ids.push_back(id);

  Record location(Table::kLocation);
  location.With("id", id)
      .With("location_type", "physical")
      .With("organization_id", org.id)
      .With("name",
            org.cities.size() > 1 ? org.name + ", locatie " + std::string(city.name) : org.name)
      .With("latitude", Coordinate(city.latitude, key, "latitude", 0.004))
      .With("longitude", Coordinate(city.longitude, key, "longitude", 0.006));
  if (org.kind == "migrant-church") {
    location.With("description", "De gemeente huurt voor haar diensten een kerkzaal.");
  }
  if (std::size_t t = Pick(key, "transportation", 2 * std::size(kTransportation));
      t < std::size(kTransportation)) {
    location.With("transportation", std::string(kTransportation[t]));
  }
  Add(std::move(location));

  auto streets = Split(city.streets, ',');
  Add(Record(Table::kAddress)
          .With("id", Id("address", key))
          .With("location_id", id)
          .With("address_1", std::string(streets[Pick(key, "street", streets.size())]) + " " +
                                 std::to_string(1 + Pick(key, "number", 160)))
          .With("city", std::string(city.name))
          .With("state_province", std::string(city.province))
          .With("region", std::string(HelpDeskRegion(city)))
          .With("postal_code", PostalCode(city, key))
          .With("country", "NL")
          .With("address_type", "physical"));
  if (org.accessible) {
    Add(Record(Table::kAccessibility)
            .With("id", Id("accessibility", key))
            .With("location_id", id)
            .With("description", "Rolstoeltoegankelijk")
            .With("details",
                  "Ingang zonder drempel, een lift naar alle verdiepingen en een "
                  "toegankelijk toilet."));
  }
}

void DemoBuilder::AddService(const Org& org, const ServiceDef& def) {
  const City& city = *org.cities.front();
  const bool main_wording = uses_[def.key]++ % 2 == 0 || def.alt_description.empty();
  const std::string key = org.key + "/" + std::string(def.key);
  const std::string id = Id("service", key);
  const std::string verified = DateFor(key, "verified");
  const std::string_view hours = ResolveHours(def.schedule, key);
  std::string_view application = def.application;
  if (application.empty()) {
    application = hours.empty() ? "Neem contact op met de organisatie voor een afspraak."
                                : "Kom langs tijdens de openingstijden; aanmelden is niet nodig.";
  }

  Record service(Table::kService);
  service.With("id", id)
      .With("organization_id", org.id)
      .With("name", Fill(def.name, city, org.languages))
      .With("description",
            Fill(main_wording ? def.description : def.alt_description, city, org.languages))
      .With("application_process", Fill(application, city))
      .With("fees_description", std::string(def.fees))
      .With("assured_date", verified);
  service.With("last_modified", verified + "T" + TwoDigits(8 + Pick(key, "hour", 9)) + ":" +
                                    TwoDigits(Pick(key, "minute", 60)) + ":00Z");
  if (!def.program.empty()) service.With("program_id", Id("program", def.program));
  if (!def.eligibility.empty())
    service.With("eligibility_description", Fill(def.eligibility, city));
  if (def.min_age > 0) service.With("minimum_age", std::to_string(def.min_age));
  if (def.max_age > 0) service.With("maximum_age", std::to_string(def.max_age));
  if (def.interpreter) {
    service.With("interpretation_services",
                 "Een tolk via de telefoon is mogelijk; vraag ernaar als u een afspraak maakt.");
  }
  if (!def.wait_time.empty()) service.With("wait_time", std::string(def.wait_time));
  if (Pick(key, "closed", 40) == 0) {
    service.With("status", "temporarily closed")
        .With("alert",
              "Tijdelijk gesloten door een verbouwing. Kijk op de website of bel voor het "
              "laatste nieuws.");
  } else {
    service.With("status", "active");
  }
  Add(std::move(service));

  std::vector<std::string> places;  // service_at_location ids
  for (std::string_view index :
       def.locations.empty() ? Split("0", ',') : Split(def.locations, ',')) {
    const std::size_t i = static_cast<std::size_t>(index[0] - '0');
    if (index.size() != 1 || i >= org.location_ids.size()) BadKey("location index", index);
    places.push_back(Id("service_at_location", key + "@" + std::string(index)));
    Add(Record(Table::kServiceAtLocation)
            .With("id", places.back())
            .With("service_id", id)
            .With("location_id", org.location_ids[i]));
  }

  // Hours belong to the service, or to each place when it is offered in several.
  const auto schedules = ParseHours(hours);
  for (std::size_t p = 0; p < places.size(); ++p) {
    for (std::size_t s = 0; s < schedules.size(); ++s) {
      const Hours& h = schedules[s];
      Record schedule(Table::kSchedule);
      schedule.With("id", Id("schedule", key + "@" + std::to_string(p) + ":" + std::to_string(s)))
          .With(places.size() == 1 ? "service_id" : "service_at_location_id",
                places.size() == 1 ? id : places[p])
          .With("freq", h.freq)
          .With("byday", h.byday)
          .With("opens_at", h.opens_at)
          .With("closes_at", h.closes_at)
          .With("description", h.description);
      if (def.max_age > 0 && def.max_age <= 18)
        schedule.With("notes", "Niet in de schoolvakanties.");
      Add(std::move(schedule));
    }
  }

  for (std::string_view need : Split(def.needs, ',')) {
    Add(domain::TermAttribute("service", id, domain::TermId("needs", need)));
  }

  // Dutch always, then the organisation's languages and the service's own: at most four more.
  std::vector<std::string_view> languages = {"nl"};
  for (std::string_view list : {org.languages, def.languages}) {
    for (std::string_view code : Split(list, ',')) {
      if (languages.size() < 5 &&
          std::find(languages.begin(), languages.end(), code) == languages.end()) {
        languages.push_back(code);
      }
    }
  }
  for (std::string_view code : languages) {
    Add(Record(Table::kLanguage)
            .With("id", Id("language", key + ":" + std::string(code)))
            .With("service_id", id)
            .With("name", std::string(NameOfLanguage(code)))
            .With("code", std::string(code)));
  }

  if (def.phone) {
    Add(Record(Table::kPhone)
            .With("id", Id("phone", key))
            .With("service_id", id)
            .With("number", PhoneNumber(city, key))
            .With("type", "voice")
            .With("description", "Telefonisch spreekuur"));
  }
  std::size_t document_index = 0;
  for (std::string_view document : Split(def.documents, ';')) {
    Add(Record(Table::kRequiredDocument)
            .With("id", Id("required_document", key + ":" + std::to_string(document_index++)))
            .With("service_id", id)
            .With("document", std::string(document)));
  }
  for (const CostDef& cost : kCosts) {
    if (cost.service != def.key) continue;
    Add(Record(Table::kCostOption)
            .With("id", Id("cost_option", key))
            .With("service_id", id)
            .With("valid_from", "2026-01-01")
            .With("valid_to", "2026-12-31")
            .With("option", std::string(cost.option))
            .With("currency", "EUR")
            .With("amount", std::string(cost.amount))
            .With("amount_description", std::string(cost.amount_description)));
  }
  if (!org.area.empty()) {
    Add(Record(Table::kServiceArea)
            .With("id", Id("service_area", key))
            .With("service_id", id)
            .With("name", std::string(org.area))
            .With("description", std::string(org.area_description)));
  }
  for (const FundingDef& funding : kFunding) {
    if (funding.organization != org.key || funding.service != def.key) continue;
    Add(Record(Table::kFunding)
            .With("id", Id("funding", key + ":" + std::string(funding.source)))
            .With("service_id", id)
            .With("source", std::string(funding.source)));
  }
  for (const TranslationDef& translation : kServiceTranslations) {
    if (translation.key != def.key) continue;
    AddTranslation("service", key, id, "name", translation.language, translation.name);
    if (main_wording && !translation.description.empty()) {
      AddTranslation("service", key, id, "description", translation.language,
                     translation.description);
    }
  }
}

const ServiceDef& FindService(std::span<const ServiceDef> pool, std::string_view key) {
  for (const ServiceDef& def : pool) {
    if (def.key == key) return def;
  }
  BadKey("service", key);
}

}  // namespace

std::vector<Record> BuildDemoData() {
  DemoBuilder builder;
  for (const OrgTemplate& org_template : kTemplates) {
    std::vector<std::string_view> city_keys = Split(org_template.cities, ',');
    if (city_keys.empty()) {
      for (const City& city : kCities) city_keys.push_back(city.key);
    }
    for (std::size_t i = 0; i < city_keys.size(); ++i) {
      const City& city = FindCity(city_keys[i]);
      Org org{.key = std::string(org_template.key) + ":" + std::string(city.key),
              .name = Fill(org_template.name, city),
              .description =
                  Fill(i % 2 == 0 ? org_template.description : org_template.alt_description, city),
              .kind = org_template.kind,
              .cities = {&city},
              .communities = org_template.communities,
              .languages = org_template.languages,
              .contact = org_template.contact,
              .accessible = org_template.accessible};
      builder.AddOrganisation(org);
      for (const ServiceDef& def : org_template.services) {
        if (city.size >= def.min_city_size) builder.AddService(org, def);
      }
    }
  }
  for (const OrgGroup& group : kGroups) {
    for (const OrgDef& def : group.orgs) {
      Org org{.key = std::string(def.key),
              .name = std::string(def.name),
              .description = std::string(def.description),
              .kind = def.kind.empty() ? group.kind : def.kind,
              .communities = def.communities,
              .languages = def.languages,
              .contact = def.contact,
              .area = def.area,
              .area_description = def.area_description,
              .accessible = group.accessible};
      for (std::string_view city : Split(def.cities, ',')) org.cities.push_back(&FindCity(city));
      builder.AddOrganisation(org);
      if (def.services.empty()) {
        for (const ServiceDef& service : group.pool) builder.AddService(org, service);
      }
      for (std::string_view service : Split(def.services, ',')) {
        builder.AddService(org, FindService(group.pool, service));
      }
    }
  }
  return std::move(builder).Take();
}

}  // namespace knooppunt::app
