// The words of the listing editor (listing_pages.cpp): services, locations, opening hours,
// languages and translations. Plain Dutch (B1), translated in po/.
#include "web/texts.h"

namespace knooppunt::web {
namespace {

// Keys start with LST_ so that they never meet the keys of texts.cpp.
constexpr Text kListingTexts[] = {
    // The keeper section of the organisation page
    {"LST_SERVICES_LINK", "Diensten bewerken", ""},
    {"LST_LOCATIONS_LINK", "Locaties en openingstijden bewerken", ""},
    // Shared
    {"LST_EDIT", "Bewerken", ""},
    {"LST_DELETE", "Verwijderen", ""},
    {"LST_TRANSLATIONS", "Vertalingen", ""},
    {"LST_BACK_TO_SERVICES", "Terug naar de diensten", ""},
    {"LST_BACK_TO_LOCATIONS", "Terug naar de locaties", ""},
    {"LST_TO_LOCATIONS", "Naar de locaties en openingstijden", ""},
    {"LST_TO_SERVICES", "Naar de diensten", ""},
    {"LST_FIELD_DESCRIPTION", "Beschrijving (niet verplicht)", ""},
    {"LST_DELETE_BUTTON", "Ja, verwijderen", ""},
    {"LST_CANCEL", "Nee, ga terug", ""},
    // The list of services
    {"LST_SERVICES_TITLE", "Diensten van {1}", ""},
    {"LST_SERVICES_INTRO",
     "Dit zijn de diensten van je organisatie. Wat je verandert, vinden bezoekers meteen bij "
     "het zoeken.",
     ""},
    {"LST_SERVICES_NONE", "Er zijn nog geen diensten.", ""},
    {"LST_NEW_SERVICE", "Nieuwe dienst", ""},
    {"LST_SERVICE_SAVED", "De dienst is opgeslagen. Bezoekers zien het meteen.", ""},
    {"LST_SERVICE_DELETED", "De dienst is verwijderd.", ""},
    {"LST_HOURS_SAVED", "De openingstijden zijn opgeslagen.", ""},
    {"LST_TRANSLATIONS_SAVED", "De vertalingen zijn opgeslagen.", ""},
    // The service form
    {"LST_EDIT_SERVICE_TITLE", "Dienst bewerken: {1}", ""},
    {"LST_SERVICE_INTRO",
     "Wat je hier opslaat, zien bezoekers meteen. Schrijf in gewoon Nederlands. Vertalingen "
     "voeg je daarna toe.",
     ""},
    {"LST_FIELD_SERVICE_NAME", "Naam van de dienst", ""},
    {"LST_FIELD_SERVICE_NAME_HINT", "Bijvoorbeeld: Taalcafé of Spreekuur over geldzaken", ""},
    {"LST_FIELD_SERVICE_DESCRIPTION_HINT",
     "Een paar korte zinnen. Wat krijgt iemand, en hoe gaat het?", ""},
    {"LST_FIELD_APPLY", "Hoe meld je je aan? (niet verplicht)", ""},
    {"LST_FIELD_APPLY_HINT", "Bijvoorbeeld: kom langs zonder afspraak, of bel eerst.", ""},
    {"LST_FIELD_COSTS", "Wat kost het? (niet verplicht)", ""},
    {"LST_FIELD_COSTS_HINT", "Bijvoorbeeld: gratis, of 2 euro per keer.", ""},
    {"LST_FIELD_ELIGIBILITY", "Voor wie is het? (niet verplicht)", ""},
    {"LST_FIELD_ELIGIBILITY_HINT",
     "Bijvoorbeeld: voor vrouwen, of voor mensen met een laag inkomen.", ""},
    {"LST_STATUS_LEGEND", "Kunnen mensen er nu terecht?", ""},
    {"LST_STATUS_ACTIVE", "Ja, de dienst is actief", ""},
    {"LST_STATUS_INACTIVE", "Nee, de dienst is niet actief", ""},
    {"LST_STATUS_CLOSED", "Nee, de dienst is tijdelijk gesloten", ""},
    {"LST_STATUS_DEFUNCT", "Nee, de dienst is gestopt", ""},
    {"LST_LANGUAGES_LEGEND", "In welke talen kunnen mensen geholpen worden?", ""},
    {"LST_LANGUAGES_HINT", "Kies alle talen die iemand bij deze dienst spreekt.", ""},
    {"LST_PLACES_LEGEND", "Op welke locaties is de dienst?", ""},
    {"LST_PLACES_HINT", "Staat de locatie er niet bij? Voeg hem dan eerst toe bij de locaties.",
     ""},
    {"LST_PLACES_NONE",
     "Je organisatie heeft nog geen locaties. Voeg ze toe bij de locaties. Daarna kies je hier "
     "waar de dienst is.",
     ""},
    {"LST_ERR_STATUS", "Kies of mensen nu terecht kunnen.", ""},
    {"LST_DELETE_SERVICE_TITLE", "Dienst verwijderen: {1}", ""},
    {"LST_DELETE_SERVICE_INTRO",
     "Weet je het zeker? De dienst verdwijnt meteen uit de zoekresultaten, met de "
     "openingstijden, talen en vertalingen. Dit kun je niet terugdraaien.",
     ""},
    // Languages (the names of the languages in the checkbox list)
    {"LST_LANGUAGE_NL", "Nederlands", ""},
    {"LST_LANGUAGE_EN", "Engels", ""},
    {"LST_LANGUAGE_AR", "Arabisch", ""},
    {"LST_LANGUAGE_UK", "Oekraïens", ""},
    {"LST_LANGUAGE_TR", "Turks", ""},
    {"LST_LANGUAGE_TI", "Tigrinya", ""},
    {"LST_LANGUAGE_FA", "Perzisch (Farsi)", ""},
    {"LST_LANGUAGE_SO", "Somalisch", ""},
    {"LST_LANGUAGE_PL", "Pools", ""},
    {"LST_LANGUAGE_DE", "Duits", ""},
    {"LST_LANGUAGE_FR", "Frans", ""},
    {"LST_LANGUAGE_ES", "Spaans", ""},
    {"LST_LANGUAGE_RU", "Russisch", ""},
    // Translations of a service
    {"LST_TRANSLATIONS_TITLE", "Vertalingen: {1}", ""},
    {"LST_TRANSLATIONS_INTRO",
     "Schrijf de naam en de beschrijving in andere talen. Wie de site in die taal gebruikt, ziet "
     "dan jouw vertaling. Laat leeg wat je niet kunt vertalen: dan staat er Nederlands.",
     ""},
    {"LST_FIELD_TRANSLATED_DESCRIPTION", "Beschrijving", ""},
    // The list of locations
    {"LST_LOCATIONS_TITLE", "Locaties van {1}", ""},
    {"LST_LOCATIONS_INTRO",
     "Dit zijn de adressen waar mensen langs kunnen komen. Bij elke locatie vul je de "
     "openingstijden in.",
     ""},
    {"LST_LOCATIONS_NONE", "Er zijn nog geen locaties.", ""},
    {"LST_NEW_LOCATION", "Nieuwe locatie", ""},
    {"LST_LOCATION_SAVED", "De locatie is opgeslagen.", ""},
    {"LST_LOCATION_DELETED", "De locatie is verwijderd.", ""},
    {"LST_NO_ADDRESS", "Nog geen adres", ""},
    // The location form
    {"LST_EDIT_LOCATION_TITLE", "Locatie bewerken: {1}", ""},
    {"LST_LOCATION_INTRO",
     "Bezoekers zien dit adres bij elke dienst op deze locatie. Wat je opslaat, zien ze meteen.",
     ""},
    {"LST_FIELD_LOCATION_NAME", "Naam van de locatie", ""},
    {"LST_FIELD_LOCATION_NAME_HINT", "Bijvoorbeeld: Buurthuis De Linde", ""},
    {"LST_FIELD_LOCATION_DESCRIPTION_HINT",
     "Bijvoorbeeld: de ingang is aan de achterkant. Er is een lift.", ""},
    {"LST_FIELD_STREET", "Straat en huisnummer", ""},
    {"LST_FIELD_POSTCODE", "Postcode", ""},
    {"LST_FIELD_POSTCODE_HINT", "Bijvoorbeeld: 1234 AB", ""},
    {"LST_FIELD_PROVINCE", "Provincie", ""},
    {"LST_CHOOSE_PROVINCE", "Kies een provincie", ""},
    {"LST_FIELD_REGION", "Regio (niet verplicht)", ""},
    {"LST_FIELD_REGION_HINT",
     "De regio van de helpdesk die jullie helpt. Bijvoorbeeld: Haaglanden.", ""},
    {"LST_MAP_LEGEND", "Plek op de kaart (niet verplicht)", ""},
    {"LST_MAP_HINT",
     "Zonder deze twee getallen staat de locatie niet op de kaart. Je vindt ze bijvoorbeeld op "
     "openstreetmap.org.",
     ""},
    {"LST_FIELD_LATITUDE", "Breedtegraad", ""},
    {"LST_FIELD_LATITUDE_HINT", "Bijvoorbeeld: 52.0705", ""},
    {"LST_FIELD_LONGITUDE", "Lengtegraad", ""},
    {"LST_FIELD_LONGITUDE_HINT", "Bijvoorbeeld: 4.3007", ""},
    {"LST_ERR_STREET_EMPTY", "Vul de straat en het huisnummer in.", ""},
    {"LST_ERR_POSTCODE", "Deze postcode klopt niet. Schrijf hem zo: 1234 AB.", ""},
    {"LST_ERR_CITY_EMPTY", "Vul de plaats in.", ""},
    {"LST_ERR_PROVINCE", "Kies de provincie.", ""},
    {"LST_ERR_LATITUDE", "Dit getal klopt niet. Het moet tussen -90 en 90 liggen.", ""},
    {"LST_ERR_LONGITUDE", "Dit getal klopt niet. Het moet tussen -180 en 180 liggen.", ""},
    {"LST_ERR_COORDINATE_MISSING", "Vul ook dit getal in, of laat ze allebei leeg.", ""},
    {"LST_DELETE_LOCATION_TITLE", "Locatie verwijderen: {1}", ""},
    {"LST_DELETE_LOCATION_INTRO",
     "Weet je het zeker? Het adres en de openingstijden van deze locatie verdwijnen meteen. De "
     "diensten blijven bestaan. Dit kun je niet terugdraaien.",
     ""},
    // Opening hours
    {"LST_HOURS_TITLE", "Openingstijden: {1}", ""},
    {"LST_HOURS_INTRO",
     "Vul per dag in hoe laat jullie open- en dichtgaan. Laat een dag leeg als jullie dan dicht "
     "zijn.",
     ""},
    {"LST_SERVICE_HOURS_INTRO",
     "Heeft deze dienst andere tijden dan de locatie? Vul ze dan hier in. Laat alles leeg als de "
     "tijden van de locatie gelden.",
     ""},
    {"LST_FIELD_OPENS", "Open vanaf", ""},
    {"LST_FIELD_CLOSES", "Dicht om", ""},
    {"LST_TIME_HINT", "Schrijf tijden zo: 09:00 of 17:30.", ""},
    {"LST_ERR_TIME", "Deze tijd klopt niet. Schrijf hem zo: 09:00.", ""},
    {"LST_ERR_OPENS_MISSING", "Vul ook in hoe laat jullie opengaan.", ""},
    {"LST_ERR_CLOSES_MISSING", "Vul ook in hoe laat jullie dichtgaan.", ""},
    {"LST_ERR_CLOSES_BEFORE_OPENS",
     "De tijd van dichtgaan moet later zijn dan de tijd van opengaan.", ""},
    {"LST_OTHER_HOURS",
     "Er zijn ook tijden opgeslagen die je hier niet kunt veranderen. Die blijven zoals ze zijn:",
     ""},
    {"LST_OTHER_HOURS_UNKNOWN", "Andere tijden, bijvoorbeeld één keer per maand", ""},
};

}  // namespace

std::span<const Text> ListingTexts() { return kListingTexts; }

}  // namespace knooppunt::web
