#include "web/texts.h"

#include <cstdlib>
#include <iostream>
#include <iterator>
#include <vector>

namespace knooppunt::web {
namespace {

// Plain Dutch (B1): short sentences, "je", no jargon. Keep keys stable: translations follow msgids.
constexpr Text kTexts[] = {
    // Every page
    {"SKIP", "Naar de inhoud", ""},
    {"TAGLINE", "Hulp vinden bij jou in de buurt", ""},
    {"LANGUAGE", "Taal", ""},
    {"FOOTER_ABOUT", "Over Knooppunt", ""},
    {"FOOTER_PRIVACY", "Privacy", ""},
    {"FOOTER_ACCESSIBILITY", "Toegankelijkheid", ""},
    {"FOOTER_DATA", "Open data", ""},
    {"ONLY_DUTCH", "Deze tekst is er alleen in het Nederlands.", ""},
    // Home
    {"HOME_TITLE", "Waar zoek je hulp bij?", ""},
    {"SEARCH_LABEL", "Zoek hulp", ""},
    {"SEARCH_HINT", "Bijvoorbeeld: voedselbank, taalles, schulden", ""},
    {"PLACE_LABEL", "Plaats (niet verplicht)", ""},
    {"SEARCH_BUTTON", "Zoeken", ""},
    {"TILES_TITLE", "Of kies een onderwerp", ""},
    // Results
    {"RESULTS_FOR", "Resultaten voor „{1}”", ""},
    {"RESULTS_ALL", "Alle hulp", ""},
    {"RESULT_COUNT", "{1} resultaat", "{1} resultaten"},
    {"NO_RESULTS", "We hebben niets gevonden. Probeer andere woorden of minder filters.", ""},
    {"DID_YOU_MEAN", "Bedoel je: {1}?", ""},
    {"FILTERS", "Filters", ""},
    {"FILTER_TOPIC", "Onderwerp", ""},
    {"FILTER_LANGUAGE", "Taal die ze spreken", ""},
    {"FILTER_CITY", "Plaats", ""},
    {"FILTER_KIND", "Soort organisatie", ""},
    {"FILTER_OPEN", "Nu open", ""},
    {"FILTER_APPLY", "Filters toepassen", ""},
    {"FILTER_CLEAR", "Alle filters wissen", ""},
    {"OPEN_NOW", "Nu open", ""},
    {"DISTANCE", "{1} km", ""},
    {"LANGUAGES", "Talen", ""},
    {"ORGANIZATION", "Organisatie", ""},
    {"MAP", "Kaart", ""},
    {"MAP_LABEL", "Kaart met de plekken van de resultaten", ""},
    {"PREVIOUS", "Vorige", ""},
    {"NEXT", "Volgende", ""},
    {"PAGE_OF", "Pagina {1} van {2}", ""},
    {"ANY", "Alles", ""},
    // Service
    {"WHAT", "Wat is het?", ""},
    {"FOR_WHOM", "Voor wie?", ""},
    {"HOW_TO_APPLY", "Hoe meld je je aan?", ""},
    {"COSTS", "Kosten", ""},
    {"HOURS", "Openingstijden", ""},
    {"HOURS_UNKNOWN", "Openingstijden zijn niet bekend. Bel of mail eerst.", ""},
    {"HOURS_LINE", "{1}: {2} tot {3}", ""},
    {"ADDRESS", "Adres", ""},
    {"ROUTE", "Route plannen", ""},
    {"CONTACT", "Contact", ""},
    {"PHONE", "Telefoon", ""},
    {"EMAIL", "E-mail", ""},
    {"WEBSITE", "Website", ""},
    {"AGES", "Leeftijd: {1} tot {2} jaar", ""},
    {"AGE_FROM", "Vanaf {1} jaar", ""},
    {"AGE_TO", "Tot {1} jaar", ""},
    {"VERIFIED", "Laatst gecontroleerd: {1}", ""},
    {"NOT_VERIFIED", "Nog niet gecontroleerd", ""},
    {"MONDAY", "maandag", ""},
    {"TUESDAY", "dinsdag", ""},
    {"WEDNESDAY", "woensdag", ""},
    {"THURSDAY", "donderdag", ""},
    {"FRIDAY", "vrijdag", ""},
    {"SATURDAY", "zaterdag", ""},
    {"SUNDAY", "zondag", ""},
    // Report a mistake
    {"REPORT_TITLE", "Klopt er iets niet?", ""},
    {"REPORT_INTRO", "Laat het ons weten. De organisatie en de helpdesk lezen je bericht.", ""},
    {"REPORT_MESSAGE", "Wat klopt er niet?", ""},
    {"REPORT_EMAIL", "Je e-mailadres (niet verplicht)", ""},
    {"REPORT_EMAIL_HINT", "Alleen als we je iets mogen vragen over je bericht.", ""},
    {"REPORT_SEND", "Bericht versturen", ""},
    {"REPORT_THANKS", "Bedankt! We kijken naar je bericht.", ""},
    {"ERROR_MESSAGE_EMPTY", "Schrijf wat er niet klopt.", ""},
    {"ERROR_MESSAGE_LONG", "Je bericht is te lang. Gebruik hoogstens {1} tekens.", ""},
    {"ERROR_EMAIL", "Dit e-mailadres klopt niet. Kijk het na of laat het leeg.", ""},
    {"ERROR_EXPIRED", "Je formulier was verlopen. Kijk je bericht na en stuur het nog een keer.",
     ""},
    {"ERROR_TOO_MANY", "Je hebt veel berichten gestuurd. Probeer het over {1} minuten opnieuw.",
     ""},
    {"ERRORS_TITLE", "Er ging iets mis met het formulier", ""},
    // Organisation
    {"SERVICES_OF", "Hulp van deze organisatie", ""},
    {"COMMUNITIES", "Voor wie", ""},
    // Topic
    {"TOPIC_SEARCH", "Alle hulp bij dit onderwerp", ""},
    // Errors
    {"NOT_FOUND_TITLE", "Deze pagina bestaat niet", ""},
    {"NOT_FOUND_TEXT",
     "Misschien is de link oud of is er een typefout. Zoek opnieuw of ga naar de startpagina.", ""},
    {"HOME_LINK", "Naar de startpagina", ""},
    {"BAD_REQUEST_TITLE", "Dit begrijpen we niet", ""},
    {"BAD_FILTER", "Een filter in het adres klopt niet: {1}. Begin opnieuw met zoeken.", ""},
    {"ERROR_TITLE", "Er ging iets mis", ""},
    {"ERROR_TEXT", "Dit is onze fout. Probeer het later nog een keer.", ""},
    // Accounts
    {"NAV_SIGN_IN", "Inloggen", ""},
    {"NAV_ACCOUNT", "Mijn account", ""},
    {"FORM_ERRORS", "Er klopt iets niet. Kijk dit na:", ""},
    {"FORM_EXPIRED_TITLE", "Je formulier was verlopen", ""},
    {"FORM_EXPIRED_TEXT",
     "Dat gebeurt als een pagina lang open staat. Ga terug, laad de pagina opnieuw en probeer het "
     "nog een keer.",
     ""},
    {"FORBIDDEN_TITLE", "Dit mag je niet zien", ""},
    {"FORBIDDEN_TEXT",
     "Je account heeft geen toegang tot deze pagina. Denk je dat dit niet klopt? Neem contact op "
     "met de helpdesk.",
     ""},
    {"FIELD_EMAIL", "E-mailadres", ""},
    {"FIELD_NAME", "Je naam (niet verplicht)", ""},
    {"FIELD_NAME_HINT", "Zo noemen we je in mails.", ""},
    {"FIELD_PASSWORD", "Wachtwoord", ""},
    {"FIELD_NEW_PASSWORD", "Nieuw wachtwoord", ""},
    {"PASSWORD_HINT", "Minstens 10 tekens. Een zin van een paar woorden is goed te onthouden.", ""},
    {"FIELD_CODE", "Code van 6 cijfers", ""},
    {"SIGN_UP_TITLE", "Account maken", ""},
    {"SIGN_UP_INTRO",
     "Met een account houdt je organisatie haar gegevens zelf bij. Om hulp te zoeken heb je geen "
     "account nodig.",
     ""},
    {"SIGN_UP_BUTTON", "Account maken", ""},
    {"HAVE_ACCOUNT", "Heb je al een account? Log dan in.", ""},
    {"SIGN_UP_SENT_TITLE", "Kijk in je mail", ""},
    {"SIGN_UP_SENT_TEXT",
     "We hebben je een mail gestuurd. Klik op de link in die mail om je e-mailadres te "
     "bevestigen. Geen mail gekregen? Kijk ook bij je spam.",
     ""},
    {"VERIFY_TITLE", "E-mailadres bevestigen", ""},
    {"VERIFY_INTRO", "Klik op de knop. Dan is je e-mailadres bevestigd en kun je inloggen.", ""},
    {"VERIFY_BUTTON", "Bevestigen", ""},
    {"LINK_BROKEN_TITLE", "Deze link werkt niet meer", ""},
    {"LINK_BROKEN_TEXT",
     "De link is al gebruikt of te oud. Vraag een nieuwe link aan of log in als dat al kan.", ""},
    {"SIGN_IN_TITLE", "Inloggen", ""},
    {"SIGN_IN_BUTTON", "Inloggen", ""},
    {"FORGOT_LINK", "Wachtwoord vergeten?", ""},
    {"NO_ACCOUNT", "Nog geen account? Maak er een.", ""},
    {"VERIFIED_NOTICE", "Je e-mailadres is bevestigd. Je kunt nu inloggen.", ""},
    {"PASSWORD_CHANGED_NOTICE", "Je wachtwoord is veranderd. Log in met je nieuwe wachtwoord.", ""},
    {"CODE_TITLE", "Code uit je app", ""},
    {"CODE_INTRO",
     "Open de app op je telefoon die inlogcodes maakt. Typ de code van 6 cijfers die je nu ziet.",
     ""},
    {"CODE_BUTTON", "Verder", ""},
    {"FORGOT_TITLE", "Wachtwoord vergeten", ""},
    {"FORGOT_INTRO",
     "Vul je e-mailadres in. Je krijgt dan een mail met een link om een nieuw wachtwoord te "
     "kiezen.",
     ""},
    {"FORGOT_BUTTON", "Stuur de link", ""},
    {"FORGOT_SENT",
     "Is er een account met dit e-mailadres? Dan krijg je binnen een paar minuten een mail. De "
     "link werkt een uur.",
     ""},
    {"RESET_TITLE", "Nieuw wachtwoord kiezen", ""},
    {"RESET_BUTTON", "Wachtwoord opslaan", ""},
    {"ACCOUNT_TITLE", "Mijn account", ""},
    {"ACCOUNT_NAME", "Naam", ""},
    {"ACCOUNT_EMAIL", "E-mailadres", ""},
    {"ACCOUNT_ROLES", "Wat je mag doen", ""},
    {"ACCOUNT_NO_ROLES", "Je hebt nog geen rol bij een organisatie.", ""},
    {"ACCOUNT_TWO_STEP", "Inloggen in twee stappen", ""},
    {"ACCOUNT_EXPORT", "Mijn gegevens downloaden (JSON)", ""},
    {"ACCOUNT_DELETE", "Mijn account verwijderen", ""},
    {"SIGN_OUT", "Uitloggen", ""},
    {"TWO_STEP_ON", "Staat aan.", ""},
    {"TWO_STEP_OFF", "Staat uit.", ""},
    {"TWO_STEP_SET_UP", "Inloggen in twee stappen aanzetten", ""},
    {"TWO_STEP_DONE", "Inloggen in twee stappen staat nu aan.", ""},
    {"TWO_STEP_TITLE", "Inloggen in twee stappen", ""},
    {"TWO_STEP_INTRO_1",
     "Dan kan niemand anders inloggen, ook niet als die je wachtwoord kent. Je hebt een app nodig "
     "die inlogcodes maakt, zoals FreeOTP of een andere authenticator-app.",
     ""},
    {"TWO_STEP_INTRO_2",
     "Scan de QR-code met die app. Lukt dat niet? Typ dan deze sleutel in de app: {1}", ""},
    {"TWO_STEP_QR", "QR-code voor je app", ""},
    {"TWO_STEP_REQUIRED", "Voor jouw rol moet inloggen in twee stappen aan staan.", ""},
    {"TWO_STEP_BUTTON", "Aanzetten", ""},
    {"DELETE_TITLE", "Account verwijderen", ""},
    {"DELETE_INTRO",
     "We halen dan je e-mailadres, je naam en je rollen weg. Dit kun je niet terugdraaien.", ""},
    {"DELETE_CONFIRM", "Typ je wachtwoord om het te bevestigen", ""},
    {"DELETE_BUTTON", "Verwijder mijn account", ""},
    {"DELETED_TITLE", "Je account is verwijderd", ""},
    {"DELETED_TEXT", "We hebben je gegevens verwijderd. Bedankt dat je Knooppunt hebt gebruikt.",
     ""},
    {"ROLE_PLATFORM_ADMIN", "Beheerder van Knooppunt", ""},
    {"ROLE_HELP_DESK", "Helpdesk voor {1}", ""},
    {"ROLE_ORG_ADMIN", "Beheerder van {1}", ""},
    {"ROLE_ORG_MEMBER", "Lid van {1}", ""},
    {"ROLE_VOLUNTEER", "Vrijwilliger", ""},
    {"ROLE_PARTICIPANT", "Deelnemer", ""},
    {"ERR_EMAIL_INVALID", "Dit e-mailadres klopt niet. Kijk het na.", ""},
    {"ERR_PASSWORD_SHORT", "Je wachtwoord is te kort. Gebruik minstens 10 tekens.", ""},
    {"ERR_PASSWORD_LONG", "Je wachtwoord is te lang. Gebruik hoogstens 256 tekens.", ""},
    {"ERR_PASSWORD_COMMON",
     "Veel mensen gebruiken dit wachtwoord. Het is makkelijk te raden. Kies een ander.", ""},
    {"ERR_PASSWORD_IS_EMAIL", "Je wachtwoord mag niet hetzelfde zijn als je e-mailadres.", ""},
    {"ERR_PASSWORD_INVALID", "Dit wachtwoord kunnen we niet lezen. Kies een ander.", ""},
    {"ERR_PASSWORD_WRONG", "Dit wachtwoord klopt niet.", ""},
    {"ERR_NAME_INVALID", "Deze naam is te lang of bevat tekens die we niet kunnen lezen.", ""},
    {"ERR_SIGN_IN_WRONG", "Dit e-mailadres of dit wachtwoord klopt niet.", ""},
    {"ERR_UNVERIFIED",
     "Je hebt je e-mailadres nog niet bevestigd. Klik eerst op de link in de mail die we je "
     "stuurden.",
     ""},
    {"ERR_THROTTLED", "Je hebt het te vaak geprobeerd. Probeer het over {1} minuten opnieuw.", ""},
    {"ERR_CODE_WRONG", "Deze code klopt niet. Typ de code die je app nu laat zien.", ""},
    // Keeping listings
    {"KEEPER_TITLE", "Gegevens bijhouden", ""},
    {"EDIT_ORGANIZATION", "Gegevens bewerken", ""},
    {"CONFIRM_INTRO",
     "Klopt alles op deze pagina nog? Laat het ons weten. Dan zien bezoekers dat de gegevens "
     "kloppen.",
     ""},
    {"CONFIRM_BUTTON", "Alles klopt nog", ""},
    {"CLAIM_INTRO", "Werk je bij deze organisatie? Dan kun je de gegevens zelf bijhouden.", ""},
    {"CLAIM_BUTTON", "Ik wil deze gegevens bijhouden", ""},
    {"CLAIM_SIGN_IN", "Log in om dat aan te vragen.", ""},
    {"CLAIM_SENT", "Je aanvraag is verstuurd. De helpdesk kijkt ernaar.", ""},
    {"ORGANIZATION_SAVED", "De gegevens zijn opgeslagen.", ""},
    {"ORGANIZATION_CONFIRMED", "Dank je. De datum van de laatste controle is nu vandaag.", ""},
    {"EDIT_ORGANIZATION_TITLE", "Gegevens van {1} bewerken", ""},
    {"EDIT_ORGANIZATION_INTRO",
     "Wat je hier opslaat, zien bezoekers meteen. Schrijf in gewoon Nederlands.", ""},
    {"FIELD_ORGANIZATION_NAME", "Naam van de organisatie", ""},
    {"FIELD_DESCRIPTION", "Wat doet de organisatie?", ""},
    {"FIELD_DESCRIPTION_HINT",
     "Een paar korte zinnen. Voor wie is jullie hulp, en wat bieden jullie?", ""},
    {"FIELD_PUBLIC_EMAIL", "E-mailadres voor bezoekers (niet verplicht)", ""},
    {"FIELD_WEBSITE", "Website (niet verplicht)", ""},
    {"FIELD_WEBSITE_HINT", "Bijvoorbeeld: www.voorbeeld.nl", ""},
    {"SAVE_BUTTON", "Opslaan", ""},
    {"BACK_TO_ORGANIZATION", "Terug naar de organisatie", ""},
    {"ERR_NAME_EMPTY", "Vul de naam in.", ""},
    {"ERR_DESCRIPTION_EMPTY", "Schrijf in een paar zinnen wat de organisatie doet.", ""},
    {"ERR_TEXT_TOO_LONG", "Deze tekst is te lang. Maak hem korter.", ""},
    {"ERR_TEXT_INVALID", "Deze tekst kunnen we niet opslaan. Kijk hem na.", ""},
    {"ERR_WEBSITE_INVALID", "Dit webadres klopt niet. Kijk het na of laat het leeg.", ""},
    {"REPORTS_TITLE", "Meldingen over fouten", ""},
    {"REPORTS_LINK", "Meldingen over fouten ({1})", ""},
    {"REPORTS_INTRO",
     "Bezoekers laten hier weten wat er niet klopt. Pas de gegevens aan en klik dan op "
     "„Opgelost”. Dan verwijderen we de melding.",
     ""},
    {"REPORTS_NONE", "Er zijn geen meldingen.", ""},
    {"REPORT_FROM", "E-mailadres van de melder", ""},
    {"REPORT_DONE_BUTTON", "Opgelost", ""},
    {"REPORT_REMOVED", "De melding is verwijderd.", ""},
    {"REQUESTS_TITLE", "Aanvragen om gegevens bij te houden", ""},
    {"REQUESTS_INTRO",
     "Deze mensen willen de gegevens van een organisatie bijhouden. Kijk eerst na of ze echt bij "
     "die organisatie werken, bijvoorbeeld door de organisatie te bellen.",
     ""},
    {"REQUESTS_NONE", "Er zijn nu geen aanvragen.", ""},
    {"REQUEST_WHO", "Aangevraagd door", ""},
    {"REQUEST_REGION", "Regio", ""},
    {"REQUEST_DATE", "Datum", ""},
    {"REQUEST_APPROVE", "Goedkeuren", ""},
    {"REQUEST_REJECT", "Afwijzen", ""},
    {"REQUEST_DONE", "Gelukt. De aanvraag is afgehandeld.", ""},
    // API keys
    {"API_KEYS_TITLE", "API-sleutels", ""},
    {"API_KEYS_INTRO",
     "Met een API-sleutel kan het eigen systeem van jullie organisatie de gegevens op Knooppunt "
     "bijwerken. Dan hoeft niemand ze hier over te typen.",
     ""},
    {"API_KEYS_PASSWORD",
     "Een sleutel werkt als een wachtwoord: wie hem heeft, kan jullie gegevens veranderen. Geef "
     "hem alleen aan wie het systeem beheert. Je ziet een nieuwe sleutel maar één keer.",
     ""},
    {"API_KEYS_REVOKE_INTRO",
     "Is een sleutel in verkeerde handen gekomen, of gebruiken jullie hem niet meer? Trek hem dan "
     "in. Hij werkt dan meteen niet meer.",
     ""},
    {"API_KEYS_LIST", "Jullie sleutels", ""},
    {"API_KEYS_NONE", "Er zijn nog geen sleutels.", ""},
    {"API_KEY_CREATED_ON", "Gemaakt op", ""},
    {"API_KEY_REVOKED_ON", "Ingetrokken op", ""},
    {"API_KEY_REVOKE_BUTTON", "Intrekken", ""},
    {"API_KEY_NEW_TITLE", "Nieuwe sleutel maken", ""},
    {"FIELD_API_KEY_LABEL", "Naam van de sleutel", ""},
    {"FIELD_API_KEY_LABEL_HINT",
     "Zo weet je later waar de sleutel voor is. Bijvoorbeeld: website of ledenlijst.", ""},
    {"API_KEY_CREATE_BUTTON", "Sleutel maken", ""},
    {"API_KEY_CREATED", "Je nieuwe sleutel is klaar. Dit is hem:", ""},
    {"API_KEY_COPY_NOW",
     "Kopieer de sleutel nu en bewaar hem op een veilige plek. Je ziet hem hier maar één keer. "
     "Ben je hem kwijt? Trek hem dan in en maak een nieuwe.",
     ""},
    {"API_KEY_REVOKED", "De sleutel is ingetrokken. Hij werkt niet meer.", ""},
    {"ERR_API_KEY_LABEL_EMPTY", "Geef de sleutel een naam.", ""},
    // Mails (plain text)
    {"MAIL_VERIFY_SUBJECT", "Bevestig je e-mailadres voor Knooppunt", ""},
    {"MAIL_VERIFY_BODY",
     "Hallo,\n\nJe hebt een account gemaakt op Knooppunt. Bevestig je e-mailadres met deze "
     "link:\n\n{1}\n\nDe link werkt 2 dagen. Heb jij geen account gemaakt? Dan kun je deze mail "
     "weggooien.\n\nGroeten,\nKnooppunt",
     ""},
    {"MAIL_EXISTS_SUBJECT", "Je hebt al een account op Knooppunt", ""},
    {"MAIL_EXISTS_BODY",
     "Hallo,\n\nIemand wilde een account maken met dit e-mailadres. Je hebt al een account. Weet "
     "je je wachtwoord niet meer? Kies een nieuw wachtwoord via deze link:\n\n{1}\n\nWas jij "
     "dit niet? Dan hoef je niets te doen.\n\nGroeten,\nKnooppunt",
     ""},
    {"MAIL_RESET_SUBJECT", "Kies een nieuw wachtwoord voor Knooppunt", ""},
    {"MAIL_RESET_BODY",
     "Hallo,\n\nJe hebt gevraagd om een nieuw wachtwoord. Kies het met deze link:\n\n{1}\n\n"
     "De link werkt een uur. Heb jij dit niet gevraagd? Dan hoef je niets te doen: je wachtwoord "
     "blijft hetzelfde.\n\nGroeten,\nKnooppunt",
     ""},
    // Information pages
    {"ABOUT_TITLE", "Over Knooppunt", ""},
    {"ABOUT_1",
     "Knooppunt is de sociale kaart van migrantenorganisaties en iedereen die met hen werkt: "
     "kerken, moskeeën, verenigingen, voedselbanken, bibliotheken en teams van de gemeente.",
     ""},
    {"ABOUT_2",
     "Je vindt hier wie helpt, waarmee, waar en in welke taal. De organisaties houden hun gegevens "
     "zelf bij. De helpdesk controleert ze.",
     ""},
    {"ABOUT_3", "Knooppunt is gratis en je hoeft geen account te maken om te zoeken.", ""},
    {"PRIVACY_TITLE", "Privacy", ""},
    {"PRIVACY_1",
     "Om te zoeken hoef je niets over jezelf te vertellen. We bewaren niet wat je zoekt.", ""},
    {"PRIVACY_2",
     "We gebruiken twee kleine cookies: één onthoudt je taal, één beschermt formulieren tegen "
     "misbruik. We gebruiken geen cookies om je te volgen.",
     ""},
    {"PRIVACY_3",
     "Stuur je een bericht over een fout, dan bewaren we je bericht en, als je het invult, je "
     "e-mailadres. We verwijderen ze als de fout is opgelost, en uiterlijk na een jaar.",
     ""},
    {"ACCESSIBILITY_TITLE", "Toegankelijkheid", ""},
    {"ACCESSIBILITY_1",
     "We willen dat iedereen Knooppunt kan gebruiken: op een kleine telefoon, met een toetsenbord, "
     "met een schermlezer en in je eigen taal.",
     ""},
    {"ACCESSIBILITY_2", "We bouwen volgens WCAG 2.1 niveau AA en testen elke pagina automatisch.",
     ""},
    {"ACCESSIBILITY_3",
     "De kaart is een extra: alle informatie staat ook in de lijst. Werkt iets niet goed voor jou? "
     "Gebruik het formulier op de pagina van een dienst of mail de helpdesk.",
     ""},
};

}  // namespace

std::span<const Text> Texts() {
  static const std::vector<Text> all = [] {
    std::vector<Text> texts(std::begin(kTexts), std::end(kTexts));
    for (std::span<const Text> section : {ListingTexts()}) {
      texts.insert(texts.end(), section.begin(), section.end());
    }
    return texts;
  }();
  return all;
}

std::string_view Msgid(std::string_view key) {
  for (const Text& text : Texts()) {
    if (text.key == key) return text.msgid;
  }
  std::cerr << "knooppunt: unknown text key " << key << "\n";
  std::abort();
}

}  // namespace knooppunt::web
