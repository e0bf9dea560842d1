"""A refusal that clashes with what is stored (409) or that the diagram could not go on with (422), worded in
the caller's language (``Accept-Language``: Finnish by default, Swedish, English).

The engine says each one in English and as a stable ``reason`` with the ``values`` it speaks of (as a
refused field does, ``FieldError``); the answer keeps both and words its ``title`` and ``detail`` from them
here, so an integrator's program branches on the reason whatever the language, and a person reads it in
their own. English is the engine's own sentence where the engine has one (a 409's); what the diagram
could not go on with is said here in all three."""

from __future__ import annotations

import string
from datetime import datetime
from zoneinfo import ZoneInfo

ENGLISH = "en"
_ZONE = ZoneInfo("Europe/Helsinki")  # a person's time in a sentence is Finnish time, as in the cockpit

# What each kind of refusal is, by its problem type.
TITLES = {
    "conflict": {
        "en": "Conflict with the current state",
        "fi": "Ristiriita nykyisen tilan kanssa",
        "sv": "I konflikt med det nuvarande läget",
    },
    "already-running": {
        "en": "An instance for this business key is already running",
        "fi": "Tällä Y-tunnuksella on jo käynnissä oleva liittyminen",
        "sv": "Det finns redan en pågående anslutning för detta FO-nummer",
    },
    "script-failure": {
        "en": "The process could not go on with this request",
        "fi": "Prosessi ei voinut jatkua tällä pyynnöllä",
        "sv": "Processen kunde inte fortsätta med denna begäran",
    },
    "definition-fault": {
        "en": "The process definition can not go on",
        "fi": "Prosessin kuvaus ei voi jatkua",
        "sv": "Processbeskrivningen kan inte fortsätta",
    },
}

TITLES["message-undelivered"] = TITLES["script-failure"]

# Each reason's sentence, with the names of its values in braces (engine.vocabulary.Refusal for 409s, the
# problem type for a diagram that could not go on).
DETAILS = {
    "task-completed": {
        "fi": "Tehtävä {task_id} ei ole enää tehtävissä: {actor} teki sen {at}.",
        "sv": "Uppgiften {task_id} går inte längre att utföra: {actor} utförde den {at}.",
    },
    "task-not-ready": {
        "fi": "Tehtävä ”{name}” ei ole tehtävissä (sen tila: {state}).",
        "sv": "Uppgiften ”{name}” går inte att utföra (dess läge: {state}).",
    },
    "instance-ended": {
        "fi": "Liittyminen {instance_id} on {status}: se ei voi enää muuttua.",
        "sv": "Anslutningen {instance_id} är {status}: den kan inte längre ändras.",
    },
    "no-incident-holds": {
        "fi": "Liittyminen {instance_id} on {status}: mikään häiriö ei pidättele sitä.",
        "sv": "Anslutningen {instance_id} är {status}: ingen störning håller den kvar.",
    },
    "kept-changing": {
        "fi": "Liittyminen {instance_id} muuttui jatkuvasti tätä pyyntöä tehtäessä: yritä uudelleen.",
        "sv": "Anslutningen {instance_id} ändrades hela tiden medan begäran utfördes: försök igen.",
    },
    "changed-meanwhile": {
        "fi": "Liittyminen {instance_id} muuttui sillä välin: katso se uudelleen ja yritä uudelleen.",
        "sv": "Anslutningen {instance_id} ändrades under tiden: se efter igen och försök på nytt.",
    },
    "receiver-changed": {
        "fi": "Liittyminen, jolle tämä aloitus lähettää viestin, muuttui sillä välin: yritä uudelleen.",
        "sv": "En anslutning som denna start skickar ett meddelande till ändrades under tiden: försök igen.",
    },
    "already-running": {
        "fi": "Y-tunnuksella {business_key} on jo päättymätön liittyminen prosessissa ”{process_key}” "
        "({instance_id}, aloitettu {started_at}; päättymättömiä yhteensä {count}): avaa se, tai aloita "
        'toinen valinnalla "allow_duplicate": true.',
        "sv": "FO-numret {business_key} har redan en oavslutad anslutning i processen ”{process_key}” "
        "({instance_id}, startad {started_at}; oavslutade sammanlagt {count}): öppna den, eller starta en "
        'till med "allow_duplicate": true.',
    },
    "idempotency-key-used": {
        "fi": "Idempotency-Key on jo käytetty liittymisen {instance_id} aloittamiseen prosessissa "
        "”{process_key}” toisella prosessilla, viestillä tai Y-tunnuksella.",
        "sv": "Idempotency-Key har redan använts för att starta anslutningen {instance_id} i processen "
        "”{process_key}” med en annan process, ett annat meddelande eller FO-nummer.",
    },
    "message-key-used": {
        "fi": "Idempotency-Key on jo käytetty toisen viestin toimittamiseen liittymiselle {instance_id}: "
        "lähetä tämä omalla avaimellaan.",
        "sv": "Idempotency-Key har redan använts för att leverera ett annat meddelande till anslutningen "
        "{instance_id}: skicka detta med en egen nyckel.",
    },
    "several-waiting": {
        "fi": "{count} liittymistä odottaa viestiä ”{name}” ({instances}): lähetä se yhdelle niistä "
        "instance_id:llä.",
        "sv": "{count} anslutningar väntar på meddelandet ”{name}” ({instances}): skicka det till en av dem "
        "med instance_id.",
    },
    "no-longer-waiting": {
        "fi": "Liittyminen ei enää odota viestiä ”{name}”.",
        "sv": "Anslutningen väntar inte längre på meddelandet ”{name}”.",
    },
    "several-started": {
        "fi": "Viesti ”{name}” aloittaa useamman prosessin: se voi aloittaa vain yhden.",
        "sv": "Meddelandet ”{name}” startar flera processer: det kan starta bara en.",
    },
    "deployed-meanwhile": {
        "fi": "Saman prosessin toinen käyttöönotto tallentui samaan aikaan: yritä uudelleen.",
        "sv": "En annan driftsättning av samma process sparades samtidigt: försök igen.",
    },
    "already-retired": {
        "fi": "Prosessi ”{process_key}” poistettiin käytöstä {retired_at} ({retired_by}).",
        "sv": "Processen ”{process_key}” togs ur bruk {retired_at} ({retired_by}).",
    },
    "retired-meanwhile": {
        "fi": "Toinen pyyntö poisti prosessin ”{process_key}” käytöstä samaan aikaan.",
        "sv": "En annan begäran tog processen ”{process_key}” ur bruk samtidigt.",
    },
    "not-retired": {
        "fi": "Prosessi ”{process_key}” ei ole poistettu käytöstä.",
        "sv": "Processen ”{process_key}” är inte tagen ur bruk.",
    },
    "process-retired": {
        "fi": "Prosessi ”{process_key}” poistettiin käytöstä {retired_at} ({retired_by}{why}): uusia "
        "liittymisiä ei aloiteta; käynnissä olevat viedään loppuun.",
        "sv": "Processen ”{process_key}” togs ur bruk {retired_at} ({retired_by}{why}): inga nya "
        "anslutningar "
        "startas; de pågående slutförs.",
    },
    "incident-resolved": {
        "fi": "Häiriö {incident_id} on jo ratkaistu: {resolved_by} ratkaisi sen {resolved_at}.",
        "sv": "Störningen {incident_id} är redan löst: {resolved_by} löste den {resolved_at}.",
    },
    "incident-of-the-diagram": {
        "fi": "Häiriö {incident_id} on prosessikaavion virhe, johon pyyntö törmäsi: liittyminen ei "
        "pysähtynyt, "
        "joten uudelleen ajettavaa ei ole. Siirrä liittyminen korjattuun versioon tai merkitse häiriö "
        "ratkaistuksi.",
        "sv": "Störningen {incident_id} är ett fel i processdiagrammet som en begäran stötte på: "
        "anslutningen "
        "stannade inte, så det finns inget att köra igen. Flytta den till en rättad version eller markera "
        "störningen som löst.",
    },
    "incident-of-a-start": {
        "fi": "Häiriö {incident_id} on prosessikaavion virhe, johon aloitus törmäsi: liittymistä ei "
        "tallennettu, joten uudelleen ajettavaa ei ole. Ota käyttöön korjattu versio tai merkitse häiriö "
        "ratkaistuksi.",
        "sv": "Störningen {incident_id} är ett fel i processdiagrammet som en start stötte på: ingen "
        "anslutning sparades, så det finns inget att köra igen. Driftsätt en rättad version eller markera "
        "störningen som löst.",
    },
    "incident-holds-instance": {
        "fi": "Häiriö {incident_id} pidättelee liittymistä: yritä se uudelleen (POST /api/v1/incidents/"
        "{incident_id}/retry) sen sijaan, että merkitsisit sen ratkaistuksi.",
        "sv": "Störningen {incident_id} håller anslutningen kvar: försök igen (POST /api/v1/incidents/"
        "{incident_id}/retry) i stället för att markera den som löst.",
    },
    "external-task-not-ready": {
        "fi": "Ulkoinen tehtävä ”{name}” ei ole tehtävissä (sen tila: {state}).",
        "sv": "Den externa uppgiften ”{name}” går inte att utföra (dess läge: {state}).",
    },
    "external-task-not-locked": {
        "fi": "Ulkoista tehtävää {task_id} ei ole lukittu: hae ja lukitse se ensin.",
        "sv": "Den externa uppgiften {task_id} är inte låst: hämta och lås den först.",
    },
    "locked-by-another-worker": {
        "fi": "Ulkoisen tehtävän {task_id} on lukinnut toinen työntekijä, ei ”{worker_id}”.",
        "sv": "Den externa uppgiften {task_id} är låst av en annan arbetare, inte av ”{worker_id}”.",
    },
    "clock-not-adjustable": {
        "fi": "Palvelun kello seuraa järjestelmän aikaa: vain säädettävää kelloa voi siirtää.",
        "sv": "Tjänstens klocka följer systemtiden: bara en justerbar klocka kan flyttas.",
    },
    "script-failure": {
        "en": "the process could not go on at {element_id}: {message}. Nothing was stored and the "
        "instance waits "
        "where it did: correct the data and send it again",
        "fi": "Prosessi ei voinut jatkua kohdassa {element_id}: {message}. Mitään ei tallennettu ja "
        "liittyminen "
        "odottaa siinä, missä se odotti: korjaa tiedot ja lähetä ne uudelleen.",
        "sv": "Processen kunde inte fortsätta vid {element_id}: {message}. Inget sparades och anslutningen "
        "väntar där den väntade: rätta uppgifterna och skicka dem igen.",
    },
    "definition-fault": {
        "en": "the process definition is at fault at {element_id}: {message}. Not the request's data: "
        "nothing of "
        "it was stored, the instance waits where it did, and the diagram needs an analyst's correction "
        "(a new "
        "version, then the instance moved to it){incident_opened}",
        "fi": "Vika on prosessin kuvauksessa kohdassa {element_id}: {message}. Ei pyynnön tiedoissa: "
        "niistä ei "
        "tallennettu mitään, liittyminen odottaa siinä, missä se odotti, ja kaavio tarvitsee analyytikon "
        "korjauksen (uusi versio, ja liittyminen siirretään siihen).{incident_opened}",
        "sv": "Felet ligger i processbeskrivningen vid {element_id}: {message}. Inte i begärans uppgifter: "
        "inget av dem sparades, anslutningen väntar där den väntade, och diagrammet behöver rättas av en "
        "analytiker (en ny version, och anslutningen flyttas till den).{incident_opened}",
    },
    "start-definition-fault": {
        "en": "the process definition is at fault at {element_id}: {message}. Not the request's data: no "
        "instance was started, and an incident on the process version tells the analysts (GET "
        "/api/v1/incidents); start again once a corrected version is deployed",
        "fi": "Vika on prosessin kuvauksessa kohdassa {element_id}: {message}. Ei pyynnön tiedoissa: "
        "liittymistä ei aloitettu, ja prosessiversion häiriö kertoo siitä analyytikoille (GET "
        "/api/v1/incidents). Aloita uudelleen, kun korjattu versio on otettu käyttöön.",
        "sv": "Felet ligger i processbeskrivningen vid {element_id}: {message}. Inte i begärans uppgifter: "
        "ingen anslutning startades, och en störning på processversionen berättar det för analytikerna "
        "(GET /api/v1/incidents). Starta igen när en rättad version har driftsatts.",
    },
}

# A message an instance threw that could not be delivered is refused as a script's failure is.
DETAILS["message-undelivered"] = DETAILS["script-failure"]

# A definition fault met by a running instance is an incident the analysts see (GET /api/v1/incidents).
_INCIDENT_OPENED = {
    "en": "; an incident on the instance tells the analysts (GET /api/v1/incidents)",
    "fi": " Liittymisen häiriö kertoo siitä analyytikoille (GET /api/v1/incidents).",
    "sv": " En störning på anslutningen berättar det för analytikerna (GET /api/v1/incidents).",
}

# The statuses an instance can be in, as a sentence says them.
_STATUSES = {
    "fi": {"running": "käynnissä", "completed": "päättynyt", "error": "virheessä", "cancelled": "peruttu"},
    "sv": {"running": "pågående", "completed": "avslutad", "error": "felaktig", "cancelled": "avbruten"},
}
_AT = {"fi": "{day} klo {time}", "sv": "{day} kl. {time}"}


def title(kind: str, language: str, english: str) -> str:
    return TITLES.get(kind, {}).get(language, english)


def detail(reason: str | None, values: dict, language: str, english: str) -> str:
    """The reason's sentence in ``language`` with its values; ``english`` (the engine's) when the reason
    has no words in the language (a refusal is never lost for words)."""
    template = DETAILS.get(reason or "", {}).get(language)
    if template is None:
        return english
    shown = {name: _shown(name, value, language) for name, value in values.items()}
    if "why" in shown:
        shown["why"] = f": {shown['why']}" if shown["why"] else ""
    if "incident_opened" in shown:
        shown["incident_opened"] = _INCIDENT_OPENED[language] if values["incident_opened"] else ""
    try:
        return string.Formatter().vformat(template, (), shown)
    except (KeyError, IndexError):  # a value the engine did not give: its own sentence still says it
        return english


def _shown(name: str, value, language: str) -> str:
    if language == ENGLISH:
        return str(value)
    if name == "status":
        return _STATUSES[language].get(str(value), str(value))
    if name.endswith("_at") or name == "at":
        try:
            moment = datetime.fromisoformat(str(value)).astimezone(_ZONE)
        except ValueError:
            return str(value)
        day, time = f"{moment.day}.{moment.month}.{moment.year}", f"{moment.hour}.{moment.minute:02d}"
        return _AT[language].format(day=day, time=time)
    return "" if value is None else str(value)
