// The synthetic social map: tables of realistic Dutch organisations and services, and a seeded
// generator that combines them with real cities, districts, streets, postcodes, languages and
// opening hours. Only std::mt19937's raw output is used (its sequence is fixed by the standard),
// so a seed gives the same map with every standard library (last-verified dates aside: they are
// relative to the month of the run).
//
// Built twice: as part of the benchmark library, and with KNOOPPUNT_SYNTHETIC_MAP_MAIN as the
// `synthetic_map` tool that writes a map into a database for bench/http.sh.
#include "bench/synthetic_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <string>
#include <utility>

#include "domain/split.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "store/store.h"

namespace knooppunt::bench {
namespace {

using domain::Record;
using domain::Split;
using domain::Table;

// clang-format off
constexpr SyntheticCity kCities[] = {
    {"Amsterdam", "Noord-Holland", 52.3728, 4.8936, 930, 1011, 1109,
     "Centrum,De Pijp,Bos en Lommer,Slotervaart,Osdorp,Geuzenveld,Noord,Oost,Indische Buurt,"
     "Bijlmer,Gaasperdam,Watergraafsmeer"},
    {"Rotterdam", "Zuid-Holland", 51.9225, 4.4792, 665, 3011, 3089,
     "Centrum,Delfshaven,Feijenoord,Charlois,IJsselmonde,Kralingen,Crooswijk,Noord,"
     "Hillegersberg,Overschie,Prins Alexander,Afrikaanderwijk"},
    {"Den Haag", "Zuid-Holland", 52.0705, 4.3007, 560, 2491, 2597,
     "Centrum,Schilderswijk,Transvaal,Laak,Escamp,Moerwijk,Segbroek,Scheveningen,Loosduinen,"
     "Ypenburg,Leidschenveen"},
    {"Utrecht", "Utrecht", 52.0907, 5.1214, 370, 3511, 3585,
     "Binnenstad,Overvecht,Kanaleneiland,Lombok,Zuilen,Ondiep,Hoograven,Leidsche Rijn,Vleuten,"
     "Oost"},
    {"Eindhoven", "Noord-Brabant", 51.4416, 5.4697, 240, 5611, 5658,
     "Centrum,Woensel,Strijp,Gestel,Stratum,Tongelre,Meerhoven"},
    {"Groningen", "Groningen", 53.2194, 6.5665, 240, 9711, 9747,
     "Centrum,Selwerd,Vinkhuizen,Beijum,Lewenborg,Oosterpark,De Hoogte,Korrewegwijk,Paddepoel,"
     "Hoogkerk"},
    {"Tilburg", "Noord-Brabant", 51.5555, 5.0913, 225, 5011, 5049,
     "Centrum,Noord,Oud-Noord,Reeshof,Oud-Zuid,West,Groenewoud"},
    {"Almere", "Flevoland", 52.3508, 5.2647, 220, 1311, 1363, "Stad,Buiten,Haven,Poort,Hout"},
    {"Breda", "Noord-Brabant", 51.5719, 4.7683, 185, 4811, 4839,
     "Centrum,Noord,Heuvel,Haagse Beemden,Hoge Vucht,Princenhage"},
    {"Nijmegen", "Gelderland", 51.8126, 5.8372, 180, 6511, 6546,
     "Centrum,Dukenburg,Lindenholt,Hatert,Oost,Lent"},
    {"Apeldoorn", "Gelderland", 52.2112, 5.9699, 165, 7311, 7339,
     "Centrum,Zevenhuizen,De Maten,Zuidbroek,Osseveld"},
    {"Arnhem", "Gelderland", 51.9851, 5.8987, 165, 6811, 6846,
     "Centrum,Presikhaaf,Malburgen,Klarendal,Geitenkamp,Rijkerswoerd"},
    {"Haarlem", "Noord-Holland", 52.3874, 4.6462, 165, 2011, 2037,
     "Centrum,Schalkwijk,Noord,Oost,Zuid-West"},
    {"Enschede", "Overijssel", 52.2215, 6.8937, 160, 7511, 7548,
     "Centrum,Velve-Lindenhof,Wesselerbrink,Deppenbroek,Pathmos,Twekkelerveld"},
    {"Amersfoort", "Utrecht", 52.1561, 5.3878, 160, 3811, 3829,
     "Centrum,Kruiskamp,Schothorst,Vathorst,Soesterkwartier"},
    {"Zaandam", "Noord-Holland", 52.4420, 4.8292, 160, 1501, 1509,
     "Centrum,Poelenburg,Kogerveld,Pelders- en Hoornseveld"},
    {"'s-Hertogenbosch", "Noord-Brabant", 51.6978, 5.3037, 160, 5211, 5237,
     "Centrum,De Muntel,Graafsewijk,Kruiskamp,Rosmalen"},
    {"Zwolle", "Overijssel", 52.5168, 6.0830, 130, 8011, 8043,
     "Centrum,Holtenbroek,Aa-landen,Stadshagen,Assendorp"},
    {"Leiden", "Zuid-Holland", 52.1601, 4.4970, 125, 2311, 2334,
     "Centrum,Stevenshof,Merenwijk,De Kooi,Morskwartier"},
    {"Maastricht", "Limburg", 50.8514, 5.6910, 120, 6211, 6229,
     "Centrum,Malberg,Pottenberg,Caberg,Heer,Wittevrouwenveld"},
    {"Dordrecht", "Zuid-Holland", 51.8133, 4.6901, 120, 3311, 3329,
     "Centrum,Crabbehof,Wielwijk,Krispijn,Sterrenburg"},
    {"Leeuwarden", "Fryslân", 53.2012, 5.7999, 125, 8911, 8939,
     "Centrum,Heechterp-Schieringen,Vrijheidswijk,Bilgaard,Camminghaburen"},
    {"Zoetermeer", "Zuid-Holland", 52.0575, 4.4931, 125, 2711, 2729,
     "Centrum,Meerzicht,Buytenwegh,Seghwaert,Oosterheem"},
    {"Delft", "Zuid-Holland", 52.0116, 4.3571, 105, 2611, 2629,
     "Binnenstad,Buitenhof,Voorhof,Tanthof,Wippolder"},
    {"Deventer", "Overijssel", 52.2661, 6.1552, 100, 7411, 7429,
     "Binnenstad,Keizerslanden,Rivierenwijk,Colmschate"},
    {"Alkmaar", "Noord-Holland", 52.6324, 4.7534, 110, 1811, 1827,
     "Centrum,Overdie,Oudorp,Huiswaarde,De Mare"},
    {"Venlo", "Limburg", 51.3704, 6.1724, 100, 5911, 5928, "Centrum,Blerick,Tegelen,Venlo-Oost"},
    {"Heerlen", "Limburg", 50.8882, 5.9795, 85, 6411, 6446, "Centrum,Heerlerheide,Hoensbroek"},
    {"Emmen", "Drenthe", 52.7792, 6.9069, 105, 7811, 7827, "Centrum,Angelslo,Emmerhout,Bargeres"},
    {"Assen", "Drenthe", 52.9925, 6.5649, 70, 9401, 9409, "Centrum,Pittelo,Kloosterveen,Lariks"},
    {"Hengelo", "Overijssel", 52.2658, 6.7931, 80, 7551, 7559, "Centrum,Hengelose Es,Berflo Es"},
    {"Helmond", "Noord-Brabant", 51.4793, 5.6570, 95, 5701, 5709, "Centrum,Binnenstad,Brandevoort"},
    {"Gouda", "Zuid-Holland", 52.0115, 4.7105, 75, 2801, 2809, "Binnenstad,Korte Akkeren,Bloemendaal"},
    {"Lelystad", "Flevoland", 52.5185, 5.4714, 80, 8211, 8245, "Centrum,Atolwijk,Boswijk,Waterwijk"},
    {"Middelburg", "Zeeland", 51.4988, 3.6136, 50, 4331, 4338, "Binnenstad,Dauwendaele,Stromenwijk"},
    {"Sittard", "Limburg", 50.9983, 5.8690, 90, 6131, 6137, "Centrum,Ophoven,Geleen"},
    {"Roermond", "Limburg", 51.1942, 5.9870, 60, 6041, 6046, "Centrum,Donderberg,Roerdelta"},
    {"Ede", "Gelderland", 52.0402, 5.6649, 120, 6711, 6718, "Centrum,Veldhuizen,Ede-Zuid"},
    {"Schiedam", "Zuid-Holland", 51.9192, 4.3886, 80, 3111, 3125, "Centrum,Nieuwland,Groenoord"},
    {"Den Helder", "Noord-Holland", 52.9563, 4.7601, 55, 1781, 1789, "Centrum,Nieuw-Den Helder"},
    {"Sneek", "Fryslân", 53.0323, 5.6589, 35, 8601, 8607, "Centrum,Noord,Tinga"},
    {"Drachten", "Fryslân", 53.1050, 6.0989, 45, 9201, 9206, "Centrum,De Wiken,De Singels"},
    {"Heerenveen", "Fryslân", 52.9595, 5.9184, 50, 8441, 8449, "Centrum,Skoatterwâld"},
    {"Hoorn", "Noord-Holland", 52.6425, 5.0597, 75, 1621, 1628, "Centrum,Kersenboogerd,Grote Waal"},
    {"Purmerend", "Noord-Holland", 52.5050, 4.9597, 95, 1441, 1448, "Centrum,Overwhere,Weidevenne"},
    {"Kampen", "Overijssel", 52.5550, 5.9114, 55, 8261, 8267, "Binnenstad,Brunnepe,Hanzewijk"},
    {"Terneuzen", "Zeeland", 51.3353, 3.8278, 55, 4531, 4539, "Centrum,Zuidlandpolder"},
    {"Hoogezand", "Groningen", 53.1616, 6.7606, 60, 9601, 9609, "Centrum,Gorecht,Sappemeer"},
    {"Veendam", "Groningen", 53.1066, 6.8762, 28, 9641, 9649, "Centrum,Sorghvliet"},
    {"Vlissingen", "Zeeland", 51.4426, 3.5736, 45, 4381, 4389, "Centrum,Lammerenburg,Paauwenburg"},
    {"Oss", "Noord-Brabant", 51.7650, 5.5180, 95, 5341, 5348, "Centrum,Ussen,Schadewijk"},
    {"Amstelveen", "Noord-Holland", 52.3114, 4.8701, 95, 1181, 1189, "Centrum,Westwijk,Keizer Karelpark"},
};
// clang-format on

// clang-format off
constexpr std::string_view kStreets[] = {
    "Kerkstraat", "Stationsweg", "Molenweg", "Schoolstraat", "Dorpsstraat", "Julianalaan",
    "Wilhelminastraat", "Beatrixlaan", "Hoofdstraat", "Marktplein", "Nieuwstraat", "Oranjestraat",
    "Prins Hendrikstraat", "Parallelweg", "Kastanjelaan", "Emmastraat", "Sportlaan", "Lindelaan",
    "Burgemeester de Withstraat", "Van Goghstraat", "Rembrandtlaan", "Vondelstraat", "Merelstraat",
    "Industrieweg", "Spoorstraat", "Vlasakker", "Beukenlaan", "Zuiderdiep", "Havenstraat",
    "Koningin Julianaplein", "Eikenlaan", "Plantsoen", "Brink", "Wijkcentrumplein",
};
// clang-format on

// A weekly opening pattern.
struct Hours {
  std::string_view byday;
  std::string_view opens;
  std::string_view closes;
};

constexpr Hours kHours[] = {
    {"MO,TU,WE,TH,FR", "09:00", "17:00"},        // 0 office
    {"MO,WE,FR", "09:30", "12:30"},              // 1 mornings
    {"TU,TH", "13:00", "16:00"},                 // 2 afternoons
    {"WE", "14:00", "17:00"},                    // 3
    {"SA", "10:00", "13:00"},                    // 4 Saturday
    {"FR", "12:30", "14:30"},                    // 5 Friday prayer
    {"SU", "10:30", "13:00"},                    // 6 Sunday service
    {"TH", "19:00", "21:30"},                    // 7 evening
    {"MO", "19:00", "21:00"},                    // 8 evening
    {"TU", "10:00", "12:00"},                    // 9
    {"SA,SU", "11:00", "16:00"},                 // 10 weekend
    {"MO,TU,WE,TH", "15:30", "17:30"},           // 11 after school
    {"MO,TU,WE,TH,FR,SA,SU", "21:00", "08:00"},  // 12 overnight
    {"MO,TU,WE,TH,FR,SA,SU", "06:00", "22:00"},  // 13 all day
};

struct ServiceTemplate {
  std::string_view name;
  std::string_view needs;      // comma-separated need slugs
  std::string_view sentences;  // '|'-separated; the first is always used
  std::string_view hours;      // comma-separated indices into kHours
  int minimum_age = -1;        // -1: none
  int maximum_age = -1;
};

constexpr ServiceTemplate kServices[] = {
    {"Voedselbank", "voedsel,armoede",
     "Gratis voedselpakketten voor huishoudens die rond moeten komen van heel weinig geld.|U "
     "heeft een verwijzing nodig van een hulpverlener of het wijkteam.|Elke week haalt u een "
     "pakket op bij het uitgiftepunt.",
     "3,4,2,9"},
    {"Uitgiftepunt voedselpakketten", "voedsel",
     "Hier haalt u uw wekelijkse voedselpakket op.|Neem een stevige tas mee.", "3,4,7"},
    {"Taalcafé", "taal,inburgering,meedoen",
     "Oefen Nederlands praten in een kleine groep, met koffie en thee.|Iedereen is welkom, ook "
     "als u net begint.|Vrijwilligers helpen u met woorden die u elke dag nodig heeft.",
     "2,3,7,9"},
    {"Schuldhulpverlening", "schulden,armoede",
     "Hulp als u schulden heeft of uw rekeningen niet meer kunt betalen.|Samen maken we een "
     "overzicht van uw inkomsten en uitgaven.|Wij zoeken met u naar een oplossing met de "
     "schuldeisers.",
     "0,1"},
    {"Kledingbank", "kleding,armoede",
     "Gratis kleding en schoenen voor volwassenen en kinderen.|U mag een paar keer per jaar "
     "komen winkelen.|Neem een verwijsbrief mee.",
     "3,4,9"},
    {"Inloopspreekuur", "armoede,recht,wonen",
     "Loop binnen met uw vragen over geld, brieven, wonen of werk.|U heeft geen afspraak "
     "nodig.|Wij helpen u verder of wijzen u de weg.",
     "1,2,9"},
    {"Huiswerkbegeleiding", "onderwijs,jongeren",
     "Hulp bij huiswerk voor kinderen van de basisschool en de middelbare school.|Vrijwilligers "
     "leggen rustig uit wat je niet snapt.|Na school, in een rustige ruimte.",
     "11,3", 6, 18},
    {"Sociaal raadslieden spreekuur", "recht,armoede,werk",
     "Gratis advies over toeslagen, uitkeringen, belastingen en brieven van instanties.|Neem de "
     "papieren mee waar uw vraag over gaat.",
     "1,2"},
    {"Formulierenhulp", "armoede,recht",
     "Hulp bij het invullen van formulieren, zoals toeslagen en de belastingaangifte.|Ook voor "
     "DigiD en brieven die u niet begrijpt.",
     "1,2,9"},
    {"Juridisch spreekuur asiel en verblijf", "recht,inburgering",
     "Vragen over uw asielprocedure, gezinshereniging of verblijfsvergunning?|Een jurist kijkt "
     "gratis met u mee.|Er is een tolk als dat nodig is.",
     "2,9"},
    {"Sollicitatietraining", "werk",
     "Leer een cv schrijven en oefen een sollicitatiegesprek.|Samen zoeken we naar vacatures die "
     "bij u passen.",
     "1,8", 18},
    {"Werkcoach voor nieuwkomers", "werk,inburgering",
     "Een werkcoach helpt statushouders op weg naar betaald werk of een opleiding.|U krijgt "
     "uitleg over diploma's, stages en werkgevers.",
     "0"},
    {"Budgetcursus", "schulden,armoede",
     "In vier lessen leert u hoe u uw geld beter kunt indelen.|U krijgt tips om geld te besparen "
     "op boodschappen en energie.",
     "7,8"},
    {"Buurtmaaltijd", "voedsel,meedoen",
     "Elke week koken vrijwilligers een warme maaltijd voor iedereen uit de buurt.|De maaltijd "
     "kost weinig of is gratis.|Gezellig samen eten en nieuwe mensen leren kennen.",
     "7,8,3"},
    {"Vrouwengroep", "vrouwen,meedoen",
     "Een ontmoetingsgroep voor vrouwen: praten, leren en samen iets ondernemen.|Er is "
     "kinderopvang tijdens de bijeenkomst.",
     "9,2", 16},
    {"Ouderensoos", "ouderen,meedoen",
     "Een gezellige middag voor ouderen met koffie, spelletjes en een praatje.|Iedere week is er "
     "een activiteit.",
     "2,3", 55},
    {"Jongerenwerk", "jongeren,meedoen",
     "Een plek voor jongeren om te chillen, te sporten en mee te denken over activiteiten.|"
     "Jongerenwerkers helpen je ook met vragen over school, werk of thuis.",
     "11,7,4", 12, 23},
    {"Vrijdaggebed", "geloof",
     "Het vrijdaggebed met een preek in het Arabisch en het Nederlands.|Er is een aparte ruimte "
     "voor vrouwen.",
     "5"},
    {"Gebedsruimte", "geloof",
     "Een rustige ruimte om te bidden, de hele dag open.|Iedereen is welkom.", "13"},
    {"Kerkdienst", "geloof,meedoen",
     "Elke zondag een kerkdienst met zang en gebed.|Na de dienst drinken we samen koffie.", "6"},
    {"Opvoedondersteuning", "gezin",
     "Vragen over het opvoeden van uw kinderen?|Een opvoedcoach denkt met u mee, thuis of op het "
     "spreekuur.",
     "0,1"},
    {"Steunpunt huiselijk geweld", "geweld,vrouwen",
     "Hulp als u thuis te maken heeft met geweld, dreiging of eergerelateerd geweld.|Wij "
     "luisteren en bespreken samen wat u kunt doen.|U kunt anoniem bellen.",
     "0,13"},
    {"Inloop verslavingszorg", "verslaving,gezondheid",
     "Vragen over alcohol, drugs of gokken?|Praat anoniem met een hulpverlener, zonder "
     "verwijzing.",
     "1,7", 16},
    {"Soa-spreekuur", "seksuele-gezondheid,gezondheid",
     "Laat gratis en anoniem een soa-test doen.|Ook voor vragen over anticonceptie en "
     "seksualiteit.",
     "2,9", 16},
    {"Spreekuur huisarts voor ongedocumenteerden", "gezondheid",
     "Medische hulp voor mensen zonder verblijfsvergunning of zorgverzekering.|Een huisarts en "
     "een verpleegkundige zijn aanwezig.",
     "9,3"},
    {"Psychosociale hulp voor vluchtelingen", "gezondheid,inburgering",
     "Gesprekken voor mensen die last hebben van stress, slecht slapen of nare herinneringen.|In "
     "uw eigen taal of met een tolk.",
     "0,2"},
    {"Inburgeringscursus", "inburgering,taal",
     "Lessen Nederlands en kennis van de Nederlandse maatschappij.|Wij bereiden u voor op het "
     "inburgeringsexamen.",
     "1,2,0", 18},
    {"Vrijwilligersvacaturebank", "vrijwilligerswerk,meedoen",
     "Zoekt u vrijwilligerswerk?|Wij helpen u een plek te vinden die bij u past, ook als u nog "
     "weinig Nederlands spreekt.",
     "0,1"},
    {"Woonbegeleiding voor statushouders", "wonen,inburgering",
     "Hulp bij het vinden van uw weg in uw nieuwe huis en buurt.|Wij helpen met energie, water, "
     "internet en de gemeente.",
     "0"},
    {"Nachtopvang", "noodhulp,wonen",
     "Een bed, een douche en een ontbijt voor mensen zonder dak boven hun hoofd.|Meld u 's avonds "
     "aan bij de deur.",
     "12", 18},
    {"Noodfonds", "noodhulp,armoede",
     "Eenmalige hulp met geld of spullen als u plotseling in nood zit.|Een hulpverlener vraagt "
     "het voor u aan.",
     "0"},
    {"Digicafé", "onderwijs,ouderen,meedoen",
     "Hulp met uw computer, telefoon of tablet.|Leer e-mailen, videobellen en veilig "
     "internetten.",
     "9,3"},
    {"Fietsles voor vrouwen", "vrouwen,meedoen",
     "Leer fietsen in een veilige omgeving, met vrouwelijke vrijwilligers.|Een fiets en een helm "
     "kunt u lenen.",
     "4,9", 16},
    {"Speelgoedbank", "gezin,kleding",
     "Gratis speelgoed voor kinderen uit gezinnen met weinig geld.|Voor verjaardagen en de "
     "feestdagen.",
     "3,4"},
    {"Weerbaarheidstraining tegen radicalisering", "radicalisering,jongeren",
     "Trainingen voor jongeren, ouders en professionals over polarisatie en radicalisering.|We "
     "praten over wat er in de wereld en online gebeurt.",
     "7,3", 12, 27},
    {"Meedoen op school", "armoede,onderwijs,jongeren",
     "Een fiets, laptop of zwemles voor kinderen uit gezinnen met weinig geld.|Een "
     "intermediair komt bij u thuis om de aanvraag te doen.",
     "0", 4, 18},
    {"Maatjesproject", "meedoen,vrijwilligerswerk",
     "Een vrijwilliger trekt een tijdje met u op: samen koffie drinken, de stad leren kennen of "
     "Nederlands oefenen.|U spreekt zelf af wanneer u elkaar ziet.",
     "0"},
    {"Bijles Nederlands voor kinderen", "taal,onderwijs,jongeren",
     "Extra lessen Nederlands voor kinderen die nog niet lang in Nederland zijn.|In kleine "
     "groepjes, met spelletjes en boeken.",
     "11,4", 6, 16},
    {"Koranles", "geloof,jongeren",
     "Lessen in de Koran en in het Arabisch voor kinderen.|In het weekend en op woensdagmiddag.",
     "10,3", 6, 16},
    {"Kringloopwinkel", "kleding,werk",
     "Betaalbare tweedehands kleding, meubels en huisraad.|Ook werkervaringsplekken voor mensen "
     "die weer aan het werk willen.",
     "0,4"},
    {"Spreekuur Vluchtelingenwerk", "recht,inburgering,wonen",
     "Hulp voor vluchtelingen met vragen over de asielprocedure, gezinshereniging en "
     "inburgering.|Wij werken met tolken en vrijwilligers.",
     "1,2"},
    {"Oekraïens ontmoetingspunt", "meedoen,inburgering",
     "Een ontmoetingsplek voor mensen uit Oekraïne: informatie, koffie en contact met anderen.|"
     "Vrijwilligers spreken Oekraïens, Russisch en Nederlands.",
     "4,3"},
};

constexpr std::string_view kGeneralSentences[] = {
    "Aanmelden is niet nodig.",
    "U kunt gewoon binnenlopen.",
    "Neem uw identiteitsbewijs mee.",
    "Er is een tolk aanwezig als dat nodig is.",
    "Het is gratis.",
    "Bel of mail voor een afspraak.",
    "De ingang is toegankelijk voor rolstoelen.",
    "Vrijwilligers helpen u graag verder.",
    "Kinderen mogen mee.",
    "Wij spreken ook Engels en Arabisch.",
};

struct OrganizationTemplate {
  std::string_view kind;         // organisation-kind slug
  std::string_view names;        // '|'-separated; {city}, {district} and {province} are filled in
  std::string_view description;  // {city} is filled in
  std::string_view services;     // '|'-separated names of kServices
  std::string_view languages;    // comma-separated: each is offered by most of its services
  int weight;
};

constexpr OrganizationTemplate kOrganizations[] = {
    {"foundation", "Voedselbank {city}",
     "Wij delen voedselpakketten uit aan mensen in {city} die even niet rond kunnen komen.",
     "Voedselbank|Uitgiftepunt voedselpakketten|Inloopspreekuur", "", 6},
    {"foundation", "Kledingbank {city}|Stichting Kledingbank {district}",
     "Gratis kleding en speelgoed voor inwoners van {city} met een laag inkomen.",
     "Kledingbank|Speelgoedbank", "", 3},
    {"foundation", "Stichting Leergeld {city}",
     "Wij zorgen dat alle kinderen in {city} mee kunnen doen, ook als er thuis weinig geld is.",
     "Meedoen op school|Formulierenhulp", "", 2},
    {"foundation", "SchuldHulpMaatje {city}",
     "Getrainde vrijwilligers helpen mensen in {city} uit de schulden.",
     "Schuldhulpverlening|Budgetcursus|Formulierenhulp", "", 3},
    {"foundation", "Humanitas {city}",
     "Vrijwilligers van Humanitas steunen mensen in {city} die het even niet alleen redden.",
     "Budgetcursus|Maatjesproject|Opvoedondersteuning|Formulierenhulp", "", 3},
    {"foundation", "Vluchtelingenwerk {city}",
     "Wij komen op voor vluchtelingen en helpen hen in {city} een nieuw leven op te bouwen.",
     "Spreekuur Vluchtelingenwerk|Juridisch spreekuur asiel en verblijf|Taalcafé|"
     "Woonbegeleiding voor statushouders|Maatjesproject",
     "en,ar,ti", 4},
    {"foundation", "Leger des Heils {city}",
     "Het Leger des Heils biedt opvang, eten en een luisterend oor in {city}.",
     "Nachtopvang|Buurtmaaltijd|Kledingbank|Inloopspreekuur", "en", 2},
    {"foundation", "Stichting Present {city}",
     "Wij verbinden mensen die willen helpen met mensen die hulp nodig hebben.",
     "Maatjesproject|Vrijwilligersvacaturebank", "", 1},
    {"foundation", "Buurthuis {district}|Wijkcentrum {district}|Huis van de Wijk {district}",
     "Een open huis voor iedereen uit de buurt, met activiteiten voor jong en oud.",
     "Buurtmaaltijd|Taalcafé|Ouderensoos|Digicafé|Huiswerkbegeleiding|Vrouwengroep|"
     "Inloopspreekuur|Fietsles voor vrouwen",
     "", 6},
    {"foundation", "Dokters van de Wereld {city}",
     "Medische en psychosociale hulp voor mensen die buiten de gewone zorg vallen.",
     "Spreekuur huisarts voor ongedocumenteerden|Psychosociale hulp voor vluchtelingen", "en,ar",
     1},
    {"foundation", "Tactus Verslavingszorg {city}|Verslavingszorg Noord {city}",
     "Hulp bij problemen met alcohol, drugs, medicijnen of gokken.", "Inloop verslavingszorg", "en",
     1},
    {"foundation", "Stichting Jongerenwerk {city}",
     "Jongerenwerkers in {city} zijn er voor jongeren van 12 tot 23 jaar.",
     "Jongerenwerk|Weerbaarheidstraining tegen radicalisering|Huiswerkbegeleiding", "", 2},
    {"foundation", "Stichting Vrouwen op de Fiets {city}",
     "Wij leren vrouwen fietsen en zelfstandig de stad in gaan.",
     "Fietsles voor vrouwen|Vrouwengroep", "ar,ti", 1},
    {"mosque",
     "Moskee Al-Fath {city}|Moskee El Mouahidin|Moskee Al-Houda|Moskee Essalam|Moskee Taibah|"
     "Moskee An-Nour {city}",
     "Een moskee voor iedereen, met gebeden, lessen en activiteiten voor de buurt.",
     "Vrijdaggebed|Gebedsruimte|Koranles|Huiswerkbegeleiding|Taalcafé|Vrouwengroep|Buurtmaaltijd|"
     "Weerbaarheidstraining tegen radicalisering",
     "ar", 3},
    {"mosque", "Mevlana Moskee {city}|Ulu Camii|Ayasofya Camii|Selimiye Camii|Fatih Camii {city}",
     "Turks-islamitisch centrum met gebed, lessen en ontmoeting.",
     "Vrijdaggebed|Gebedsruimte|Koranles|Huiswerkbegeleiding|Ouderensoos|Buurtmaaltijd", "tr", 2},
    {"migrant-church",
     "Eritrees-Orthodoxe Kerk Kidane Mehret|Eritrees-Orthodoxe Kerk Medhane Alem {city}",
     "Een kerk voor de Eritrese gemeenschap, met diensten in het Tigrinya.",
     "Kerkdienst|Buurtmaaltijd|Taalcafé|Huiswerkbegeleiding", "ti", 1},
    {"migrant-church",
     "Ghanese Methodistenkerk {city}|Redeemed Christian Church of God {city}|Pinkstergemeente "
     "Betel",
     "Een internationale kerk met diensten in het Engels en ontmoeting na de dienst.",
     "Kerkdienst|Maatjesproject|Vrouwengroep|Buurtmaaltijd", "en", 1},
    {"migrant-church", "Poolse Katholieke Parochie Sint-Maximiliaan {city}",
     "De Poolse parochie met missen in het Pools.", "Kerkdienst|Taalcafé", "pl", 1},
    {"migrant-church", "Oekraïens-Grieks-Katholieke Gemeente {city}",
     "Een kerk en ontmoetingsplek voor Oekraïners.", "Kerkdienst|Oekraïens ontmoetingspunt", "uk",
     1},
    {"migrant-association", "Stichting Eritrese Gemeenschap {city}",
     "Wij helpen Eritrese nieuwkomers in {city} hun weg te vinden.",
     "Taalcafé|Huiswerkbegeleiding|Formulierenhulp|Vrouwengroep|Psychosociale hulp voor "
     "vluchtelingen",
     "ti", 1},
    {"migrant-association", "Syrische Vereniging {city}|Stichting Syrisch Huis {city}",
     "Ontmoeting en steun voor Syriërs in {city}.",
     "Taalcafé|Huiswerkbegeleiding|Formulierenhulp|Vrouwengroep|Maatjesproject", "ar", 1},
    {"migrant-association", "Afghaanse Vereniging Watan {city}",
     "Een vereniging voor Afghanen in {city}: cultuur, taal en hulp.",
     "Taalcafé|Vrouwengroep|Formulierenhulp|Ouderensoos", "fa", 1},
    {"migrant-association", "Somalische Vrouwenvereniging Hiil|Somalische Stichting {city}",
     "Wij steunen Somalische vrouwen en gezinnen.",
     "Vrouwengroep|Huiswerkbegeleiding|Opvoedondersteuning", "so", 1},
    {"migrant-association", "Poolse Vereniging Razem {city}",
     "Informatie en ontmoeting voor Polen die in {city} wonen en werken.",
     "Formulierenhulp|Taalcafé|Sollicitatietraining", "pl", 1},
    {"migrant-association", "Marokkaanse Ouderenvereniging {city}",
     "Activiteiten en hulp voor Marokkaanse ouderen.", "Ouderensoos|Formulierenhulp|Digicafé", "ar",
     1},
    {"migrant-association", "Turks Cultureel Centrum {city}",
     "Cultuur, ontmoeting en hulp voor de Turkse gemeenschap.",
     "Ouderensoos|Huiswerkbegeleiding|Vrouwengroep", "tr", 1},
    {"migrant-association", "Oekraïens Huis {city}",
     "Hulp en ontmoeting voor mensen die uit Oekraïne zijn gevlucht.",
     "Oekraïens ontmoetingspunt|Taalcafé|Formulierenhulp", "uk", 2},
    {"migrant-association", "Ghanese Vereniging Sankofa {city}",
     "De Ghanese gemeenschap in {city}: cultuur, muziek en steun.", "Vrouwengroep|Maatjesproject",
     "en", 1},
    {"umbrella-body", "Platform Armoede {city}|Netwerk Samen Sterk {city}|Welzijn {city}",
     "Het samenwerkingsverband van organisaties die armoede in {city} bestrijden.",
     "Inloopspreekuur|Noodfonds|Formulierenhulp|Vrijwilligersvacaturebank", "", 2},
    {"emergency-aid-office",
     "Noodhulpbureau {city}|Stichting Urgente Noden {city}|Diaconaal Noodfonds {city}",
     "Snelle hulp met geld of spullen voor inwoners van {city} in acute nood.",
     "Noodfonds|Inloopspreekuur|Voedselbank", "", 2},
    {"volunteer-centre", "Vrijwilligerscentrale {city}|Vrijwilligerspunt {city}",
     "Wij brengen vrijwilligers en organisaties in {city} bij elkaar.",
     "Vrijwilligersvacaturebank|Maatjesproject|Digicafé", "", 2},
    {"library", "Bibliotheek {city}|Bibliotheek {district}|Openbare Bibliotheek {city}",
     "De bibliotheek: boeken lenen, leren, elkaar ontmoeten en hulp met de computer.",
     "Taalcafé|Digicafé|Formulierenhulp|Bijles Nederlands voor kinderen|Inburgeringscursus|"
     "Huiswerkbegeleiding",
     "en", 4},
    {"municipal-team",
     "Wijkteam {district}|Sociaal Team {city}|Schuldhulp Gemeente {city}|Jongerenloket {city}",
     "Het team van de gemeente {city} voor vragen over zorg, geld, werk en opvoeden.",
     "Inloopspreekuur|Schuldhulpverlening|Opvoedondersteuning|Jongerenwerk|Werkcoach voor "
     "nieuwkomers|Sociaal raadslieden spreekuur",
     "en", 5},
    {"municipal-team", "GGD {city}",
     "De GGD zorgt voor de gezondheid van alle inwoners van {city} en omgeving.",
     "Soa-spreekuur|Opvoedondersteuning", "en", 1},
    {"municipal-team", "Veilig Thuis {province}",
     "Advies en meldpunt voor huiselijk geweld en kindermishandeling.",
     "Steunpunt huiselijk geweld", "en,ar,tr", 1},
    {"asylum-agency-location", "COA-locatie {city}|Azc {city}",
     "Een opvanglocatie van het COA voor asielzoekers.",
     "Inburgeringscursus|Taalcafé|Psychosociale hulp voor vluchtelingen|Spreekuur "
     "Vluchtelingenwerk|Jongerenwerk",
     "en,ar,ti,fa,so", 2},
    {"company", "Kringloop {city}|Fietsenwerkplaats {district}",
     "Een sociale onderneming met betaalbare spullen en werkervaringsplekken.",
     "Kringloopwinkel|Sollicitatietraining", "", 1},
    {"company", "Taalschool Babel {city}|Taalinstituut Het Woord {city}",
     "Een taalschool voor inburgering en Nederlands op elk niveau.",
     "Inburgeringscursus|Taalcafé|Bijles Nederlands voor kinderen", "en,ar,uk", 1},
    {"company", "Re-integratiebureau Werkkracht {city}",
     "Wij begeleiden mensen naar werk dat bij hen past.",
     "Sollicitatietraining|Werkcoach voor nieuwkomers", "en", 1},
};

// How often a service offers each language on its own (Dutch almost always).
struct LanguageShare {
  std::string_view code;
  double share;
};
constexpr LanguageShare kLanguageShares[] = {
    {"nl", 0.93}, {"en", 0.35}, {"ar", 0.16}, {"tr", 0.09}, {"uk", 0.09},
    {"ti", 0.06}, {"fa", 0.06}, {"pl", 0.05}, {"so", 0.04},
};

// The tables split once into lists.
struct Catalogue {
  struct Service {
    const ServiceTemplate* source;
    std::vector<std::string> need_term_ids;
    std::vector<std::string_view> sentences;
    std::vector<int> hours;
  };
  struct Organization {
    const OrganizationTemplate* source;
    std::string kind_term_id;
    std::vector<std::string_view> names;
    std::vector<int> services;  // indices into `services`
    std::vector<std::string_view> languages;
  };
  std::vector<Service> services;
  std::vector<Organization> organizations;
  int organization_weight = 0;
  std::vector<std::vector<std::string_view>> districts;  // per city
  int city_weight = 0;

  Catalogue() {
    for (const ServiceTemplate& source : kServices) {
      Service service{&source, {}, Split(source.sentences, '|'), {}};
      for (std::string_view need : Split(source.needs, ','))
        service.need_term_ids.push_back(domain::TermId("needs", need));
      for (std::string_view hours : Split(source.hours, ','))
        service.hours.push_back(std::stoi(std::string(hours)));
      services.push_back(std::move(service));
    }
    for (const OrganizationTemplate& source : kOrganizations) {
      Organization organization{&source,
                                domain::TermId("organization-kind", source.kind),
                                Split(source.names, '|'),
                                {},
                                Split(source.languages, ',')};
      for (std::string_view name : Split(source.services, '|')) {
        auto found = std::find_if(std::begin(kServices), std::end(kServices),
                                  [&](const ServiceTemplate& s) { return s.name == name; });
        if (found == std::end(kServices)) {
          std::fprintf(stderr, "synthetic_map: unknown service template %.*s\n",
                       static_cast<int>(name.size()), name.data());
          std::abort();
        }
        organization.services.push_back(static_cast<int>(found - std::begin(kServices)));
      }
      organization_weight += source.weight;
      organizations.push_back(std::move(organization));
    }
    for (const SyntheticCity& city : kCities) {
      districts.push_back(Split(city.districts, ','));
      city_weight += city.weight;
    }
  }
};

const Catalogue& TheCatalogue() {
  static const Catalogue catalogue;
  return catalogue;
}

// Small helpers over the raw generator output.
uint32_t Below(std::mt19937& random, uint32_t n) { return random() % n; }
double Unit(std::mt19937& random) { return random() / 4294967296.0; }
bool Chance(std::mt19937& random, double p) { return Unit(random) < p; }
double Normal(std::mt19937& random) {
  double u = 1.0 - Unit(random);  // (0, 1]
  double v = Unit(random);
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
}
template <typename T>
const T& Pick(std::mt19937& random, const std::vector<T>& items) {
  return items[Below(random, static_cast<uint32_t>(items.size()))];
}

int PickCity(std::mt19937& random) {
  int target = static_cast<int>(Below(random, TheCatalogue().city_weight));
  for (int i = 0; i < static_cast<int>(std::size(kCities)); ++i) {
    target -= kCities[i].weight;
    if (target < 0) return i;
  }
  return 0;
}

const Catalogue::Organization& PickOrganization(std::mt19937& random) {
  const Catalogue& catalogue = TheCatalogue();
  int target = static_cast<int>(Below(random, catalogue.organization_weight));
  for (const Catalogue::Organization& organization : catalogue.organizations) {
    target -= organization.source->weight;
    if (target < 0) return organization;
  }
  return catalogue.organizations.front();
}

std::string Fill(std::string_view pattern, const SyntheticCity& city, std::string_view district) {
  std::string out(pattern);
  auto replace = [&out](std::string_view key, std::string_view value) {
    for (size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
      out.replace(at, key.size(), value);
  };
  replace("{city}", city.name);
  replace("{district}", district);
  replace("{province}", city.province);
  return out;
}

std::string Postcode(std::mt19937& random, const SyntheticCity& city) {
  static constexpr std::string_view kLetters = "ABCDEGHJKLMNPRSTVWXZ";  // no F, I, O, Q, U, Y
  int digits = city.postcode_low +
               static_cast<int>(Below(random, city.postcode_high - city.postcode_low + 1));
  std::string out = std::to_string(digits) + " ";
  out += kLetters[Below(random, kLetters.size())];
  out += kLetters[Below(random, kLetters.size())];
  return out;
}

std::string Coordinate(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  return buffer;
}

// A date in the two years before this month (never in this month: it could be ahead of today), as
// YYYY-MM-DD: relative to the run, so that the search engine's "verified recently" boost sees as
// many recent dates whenever it runs.
std::string VerifiedOn(std::mt19937& random) {
  static const std::pair<int, int> kThisMonth = [] {
    std::string now = domain::FormatUtc(domain::Now());  // "YYYY-MM-..."
    return std::pair{std::stoi(now.substr(0, 4)), std::stoi(now.substr(5, 2))};
  }();
  int months_back = 1 + static_cast<int>(Below(random, 24));
  int year = kThisMonth.first, month = kThisMonth.second - months_back;
  while (month < 1) {
    month += 12;
    --year;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month,
                1 + static_cast<int>(Below(random, 28)));
  return buffer;
}

}  // namespace

std::span<const SyntheticCity> SyntheticCities() { return kCities; }

SyntheticMapGenerator::SyntheticMapGenerator(int services, uint32_t seed)
    : services_(services), seed_(seed), random_(seed) {}

std::string SyntheticMapGenerator::Id(std::string_view kind, int64_t number) const {
  return domain::NameUuid("knooppunt:bench:" + std::to_string(seed_) + ":" + std::string(kind) +
                          ":" + std::to_string(number));
}

bool SyntheticMapGenerator::Next(std::vector<Record>& out) {
  if (services_made_ >= services_) return false;
  const Catalogue& catalogue = TheCatalogue();
  std::mt19937& random = random_;

  const int city_index = PickCity(random);
  const SyntheticCity& city = kCities[city_index];
  const std::vector<std::string_view>& districts = catalogue.districts[city_index];
  const Catalogue::Organization& kind = PickOrganization(random);
  std::string_view district = Pick(random, districts);

  // The organisation.
  const std::string organization_id = Id("organization", organizations_made_++);
  const std::string organization_name = Fill(Pick(random, kind.names), city, district);
  out.push_back(Record(Table::kOrganization)
                    .With("id", organization_id)
                    .With("name", organization_name)
                    .With("description", Fill(kind.source->description, city, district)));
  out.push_back(domain::TermAttribute("organization", organization_id, kind.kind_term_id));
  if (Below(random, 3) == 0) {
    out.push_back(domain::TermAttribute("organization", organization_id,
                                        domain::LastVerifiedTermId(), VerifiedOn(random)));
  }

  // Its locations: one building, sometimes two, in districts of its city.
  const double spread = city.weight >= 300 ? 0.025 : city.weight >= 120 ? 0.016 : 0.010;
  auto add_location = [&](std::string_view location_district) {
    const int64_t number = locations_made_++;
    std::string id = Id("location", number);
    double latitude = city.latitude + spread * Normal(random);
    double longitude = city.longitude +
                       spread * Normal(random) / std::cos(city.latitude * std::numbers::pi / 180.0);
    out.push_back(Record(Table::kLocation)
                      .With("id", id)
                      .With("location_type", "physical")
                      .With("organization_id", organization_id)
                      .With("name", organization_name)
                      .With("latitude", Coordinate(latitude))
                      .With("longitude", Coordinate(longitude)));
    std::string street(kStreets[Below(random, std::size(kStreets))]);
    out.push_back(Record(Table::kAddress)
                      .With("id", Id("address", number))
                      .With("location_id", id)
                      .With("address_1", street + " " + std::to_string(1 + Below(random, 180)))
                      .With("region", std::string(location_district))
                      .With("city", std::string(city.name))
                      .With("state_province", std::string(city.province))
                      .With("postal_code", Postcode(random, city))
                      .With("country", "NL")
                      .With("address_type", "physical"));
    return id;
  };
  std::vector<std::string> locations = {add_location(district)};
  if (Chance(random, 0.2)) locations.push_back(add_location(Pick(random, districts)));

  // Its services: one to six of the kinds this sort of organisation offers, each kind once; when
  // there are more services than kinds, the repeats are named after other districts.
  int count = 1 + static_cast<int>(Below(random, 3)) + static_cast<int>(Below(random, 4));
  count = std::min(count, services_ - services_made_);
  std::vector<int> order = kind.services;
  for (size_t i = order.size(); i > 1; --i) {
    std::swap(order[i - 1], order[Below(random, static_cast<uint32_t>(i))]);
  }
  for (int i = 0; i < count; ++i) {
    const Catalogue::Service& service = catalogue.services[order[i % order.size()]];
    const std::string id = Id("service", services_made_++);
    std::string name(service.source->name);
    uint32_t suffix = i >= static_cast<int>(order.size()) ? 9 : Below(random, 10);
    if (suffix < 4) {
      name += " " + std::string(city.name);
    } else if (suffix < 7) {
      name += " " + std::string(district);
    } else if (suffix == 9 && i >= static_cast<int>(order.size())) {
      name += " " + std::string(Pick(random, districts));
    }
    std::string description(service.sentences[0]);
    int sentences = static_cast<int>(Below(random, 3));  // 1-3 in all
    for (int s = 1; s <= sentences; ++s) {
      std::string_view next = s < static_cast<int>(service.sentences.size()) && Chance(random, 0.7)
                                  ? service.sentences[s]
                                  : kGeneralSentences[Below(random, std::size(kGeneralSentences))];
      description += " " + std::string(next);
    }
    Record record = Record(Table::kService)
                        .With("id", id)
                        .With("organization_id", organization_id)
                        .With("name", name)
                        .With("description", description)
                        .With("status", "active");
    int minimum_age = service.source->minimum_age;
    int maximum_age = service.source->maximum_age;
    if (minimum_age < 0 && maximum_age < 0 && Chance(random, 0.05)) minimum_age = 18;
    if (minimum_age >= 0) record.With("minimum_age", std::to_string(minimum_age));
    if (maximum_age >= 0) record.With("maximum_age", std::to_string(maximum_age));
    out.push_back(std::move(record));

    for (const std::string& term : service.need_term_ids) {
      if (&term == &service.need_term_ids.front() || Chance(random, 0.8))
        out.push_back(domain::TermAttribute("service", id, term));
    }

    int language_number = 0;
    auto add_language = [&](std::string_view code) {
      out.push_back(
          Record(Table::kLanguage)
              .With("id", Id("language", int64_t{services_made_} * 16 + language_number++))
              .With("service_id", id)
              .With("code", std::string(code)));
    };
    for (const LanguageShare& language : kLanguageShares) {
      bool common_here = std::find(kind.languages.begin(), kind.languages.end(), language.code) !=
                         kind.languages.end();
      if (Chance(random, common_here ? 0.8 : language.share)) add_language(language.code);
    }
    if (language_number == 0) add_language("nl");

    // One location usually; sometimes the organisation's second building as well.
    int links = locations.size() > 1 && Chance(random, 0.4) ? 2 : 1;
    int first = static_cast<int>(Below(random, static_cast<uint32_t>(locations.size())));
    for (int l = 0; l < links; ++l) {
      out.push_back(Record(Table::kServiceAtLocation)
                        .With("id", Id("service_at_location", int64_t{services_made_} * 4 + l))
                        .With("service_id", id)
                        .With("location_id", locations[(first + l) % locations.size()]));
    }

    // Opening hours: none (by appointment), one pattern, or two.
    int patterns = Chance(random, 0.1) ? 0 : Chance(random, 0.7) ? 1 : 2;
    int previous = -1;
    for (int p = 0; p < patterns; ++p) {
      int index = Pick(random, service.hours);
      if (index == previous) continue;
      previous = index;
      const Hours& hours = kHours[index];
      out.push_back(Record(Table::kSchedule)
                        .With("id", Id("schedule", int64_t{services_made_} * 4 + p))
                        .With("service_id", id)
                        .With("freq", "WEEKLY")
                        .With("byday", std::string(hours.byday))
                        .With("opens_at", std::string(hours.opens))
                        .With("closes_at", std::string(hours.closes)));
    }
  }
  return true;
}

std::vector<Record> SyntheticMap(int services, uint32_t seed) {
  std::vector<Record> out;
  SyntheticMapGenerator generator(services, seed);
  while (generator.Next(out)) {
  }
  return out;
}

Result<WriteStats> WriteSyntheticMap(store::Store& store, int services, uint32_t seed, int batch) {
  WriteStats stats;
  std::vector<Record> records = domain::ReferenceRecords();
  stats.records += static_cast<int64_t>(records.size());
  if (Status status = store.Write(records); !status) return status.error();
  records.clear();
  SyntheticMapGenerator generator(services, seed);
  bool more = true;
  while (more) {
    more = generator.Next(records);
    if (records.empty() || (more && static_cast<int>(records.size()) < batch)) continue;
    if (Status status = store.Write(records); !status) return status.error();
    stats.records += static_cast<int64_t>(records.size());
    records.clear();
  }
  stats.organizations = generator.organizations_made();
  stats.services = generator.services_made();
  stats.locations = generator.locations_made();
  return stats;
}

}  // namespace knooppunt::bench

#ifdef KNOOPPUNT_SYNTHETIC_MAP_MAIN
// The `synthetic_map` tool: writes a synthetic map into a (migrated or new) database.

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
  constexpr std::string_view kUsage =
      "usage: synthetic_map --services N --database sqlite:PATH [--seed S] [--batch B]\n"
      "Migrates the database when needed and writes Knooppunt's reference taxonomies and a\n"
      "synthetic social map of N services into it.\n";
  long services = -1, seed = 42, batch = 5000;
  std::string database;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 >= argc) {
      std::cerr << "synthetic_map: " << arg << " needs a value\n" << kUsage;
      return 2;
    }
    std::string_view value = argv[++i];
    char* end = nullptr;
    long number = std::strtol(std::string(value).c_str(), &end, 10);
    bool numeric = end != nullptr && *end == '\0' && !value.empty();
    if (arg == "--services" && numeric && number >= 0) {
      services = number;
    } else if (arg == "--seed" && numeric && number >= 0) {
      seed = number;
    } else if (arg == "--batch" && numeric && number > 0) {
      batch = number;
    } else if (arg == "--database") {
      database = std::string(value);
    } else {
      std::cerr << "synthetic_map: bad option " << arg << " " << value << "\n" << kUsage;
      return 2;
    }
  }
  if (services < 0 || database.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  namespace store = knooppunt::store;
  store::StoreOptions options{.database = database, .pool_size = 1};
  auto migrated = store::Migrate(options);
  if (!migrated) {
    std::cerr << "synthetic_map: " << migrated.error().message << "\n";
    return 1;
  }
  auto opened = store::OpenStore(options);
  if (!opened) {
    std::cerr << "synthetic_map: " << opened.error().message << "\n";
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  auto stats = knooppunt::bench::WriteSyntheticMap(
      **opened, static_cast<int>(services), static_cast<uint32_t>(seed), static_cast<int>(batch));
  if (!stats) {
    std::cerr << "synthetic_map: " << stats.error().message << "\n";
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "synthetic_map: " << stats->services << " services, " << stats->organizations
            << " organisations, " << stats->locations << " locations, " << stats->records
            << " records written in " << seconds << " s\n";
  return 0;
}
#endif
