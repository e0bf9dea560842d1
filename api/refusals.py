"""A refusal worded in the caller's language (``Accept-Language``: Finnish by default, Swedish, English): who
may call (401, 403, 429), what is not there (404) or not the caller's party's to do (403), what clashes with
what is stored (409), what the diagram could not go on with (422), and an HTTP error's own (404, 405, 413 …).

The engine (and api/auth.py) says each one in English and as a stable ``reason`` with the ``values`` it
speaks of (as a refused field does, ``FieldError``); the answer keeps both and words its ``title`` and
``detail`` from them here, so an integrator's program branches on the reason whatever the language, and a
person reads it in their own. English is the engine's own sentence where the engine has one; what the
diagram could not go on with is said here in all three. A refused field's message is worded in
api/field_messages.py."""

from __future__ import annotations

import string
from datetime import datetime
from zoneinfo import ZoneInfo

ENGLISH = "en"
_ZONE = ZoneInfo("Europe/Helsinki")  # a person's time in a sentence is Finnish time, as in the cockpit

# What each kind of refusal is, by its problem type; English is the title the refusal gives where it has
# its own (an HTTP error's name, the engine's title of a 404 or a 403).
TITLES = {
    "conflict": {
        "en": "Conflict with the current state",
        "fi": "Ristiriita nykyisen tilan kanssa",
        "sv": "Konflikt med nuvarande läge",
    },
    "already-running": {
        "en": "An instance for this business key is already running",
        "fi": "Tällä Y-tunnuksella on jo käynnissä oleva liittyminen",
        "sv": "Det finns redan en pågående anslutning för detta FO-nummer",
    },
    "script-failure": {
        "en": "The process could not go on with this request",
        "fi": "Prosessi ei voinut edetä tällä pyynnöllä",
        "sv": "Processen kunde inte fortsätta med denna begäran",
    },
    "definition-fault": {
        "en": "The process definition can not go on",
        "fi": "Prosessikuvauksessa on vika",
        "sv": "Fel i processbeskrivningen",
    },
    "engine-error": {"fi": "Pyyntöä ei voitu toteuttaa", "sv": "Begäran kunde inte utföras"},
    "bad-request": {"fi": "Virheellinen pyyntö", "sv": "Felaktig begäran"},
    "invalid-request": {"fi": "Pyyntö hylättiin", "sv": "Begäran avvisades"},
    "invalid-data": {"fi": "Tiedot hylättiin", "sv": "Uppgifterna avvisades"},
    "unauthenticated": {
        "fi": "Tunnistautuminen puuttuu tai ei kelpaa",
        "sv": "Autentiseringen saknas eller duger inte",
    },
    "forbidden": {"fi": "Ei oikeutta tähän", "sv": "Ingen behörighet till detta"},
    "not-found": {"fi": "Ei löydy", "sv": "Hittas inte"},
    "method-not-allowed": {"fi": "HTTP-metodi ei ole sallittu", "sv": "HTTP-metoden är inte tillåten"},
    "not-acceptable": {"fi": "Pyydettyä muotoa ei voi antaa", "sv": "Det begärda formatet kan inte ges"},
    "request-timeout": {"fi": "Pyyntö aikakatkaistiin", "sv": "Tidsgränsen för begäran överskreds"},
    "payload-too-large": {"fi": "Pyyntö on liian suuri", "sv": "Begäran är för stor"},
    "uri-too-long": {"fi": "Osoite on liian pitkä", "sv": "Adressen är för lång"},
    "unsupported-media-type": {"fi": "Sisältötyyppiä ei tueta", "sv": "Innehållstypen stöds inte"},
    "too-many-requests": {"fi": "Liian monta pyyntöä", "sv": "För många förfrågningar"},
    "headers-too-large": {"fi": "Otsakkeet ovat liian suuret", "sv": "Huvudena är för stora"},
    "internal-error": {"fi": "Sisäinen virhe", "sv": "Internt fel"},
}

TITLES["message-undelivered"] = TITLES["script-failure"]

# Each reason's sentence, with the names of its values in braces (engine.vocabulary.Refusal for the engine's
# refusals, the problem type for a diagram that could not go on, api/auth.py's for who may call).
DETAILS = {
    "task-completed": {
        "fi": "Tehtävä {task_id} ei ole enää tehtävissä: {actor} teki sen {at}.",
        "sv": "Uppgiften {task_id} går inte längre att utföra: {actor} utförde den {at}.",
    },
    "task-not-ready": {
        "fi": "Tehtävä ”{name}” ei ole tehtävissä (sen tila: {state}).",
        "sv": "Uppgiften ”{name}” går inte att utföra (dess tillstånd: {state}).",
    },
    "instance-ended": {
        "fi": "Liittyminen {instance_id} on {status}: se ei voi enää muuttua.",
        "sv": "Anslutningen {instance_id} är {status}: den kan inte längre ändras.",
    },
    "no-incident-holds": {
        "fi": "Liittyminen {instance_id} on {status}: mikään häiriö ei pidä sitä pysähdyksissä.",
        "sv": "Anslutningen {instance_id} är {status}: ingen incident håller den stoppad.",
    },
    "kept-changing": {
        "fi": "Liittyminen {instance_id} muuttui toistuvasti tätä pyyntöä käsiteltäessä: yritä uudelleen.",
        "sv": "Anslutningen {instance_id} ändrades gång på gång medan begäran behandlades: försök igen.",
    },
    "changed-meanwhile": {
        "fi": "Liittyminen {instance_id} muuttui sillä välin: tarkista sen tilanne ja yritä uudelleen.",
        "sv": "Anslutningen {instance_id} ändrades under tiden: kontrollera läget och försök igen.",
    },
    "receiver-changed": {
        "fi": "Liittyminen, jolle tämä aloitus lähettää viestin, muuttui sillä välin: yritä uudelleen.",
        "sv": "En anslutning som denna start skickar ett meddelande till ändrades under tiden: försök igen.",
    },
    "already-running": {
        "fi": "Y-tunnuksella {business_key} on jo päättymätön liittyminen prosessissa ”{process_key}” "
        "({instance_id}, aloitettu {started_at}; päättymättömiä on yhteensä {count}): avaa se tai aloita "
        'toinen valinnalla "allow_duplicate": true.',
        "sv": "FO-numret {business_key} har redan en oavslutad anslutning i processen ”{process_key}” "
        "({instance_id}, startad {started_at}; sammanlagt {count} oavslutade): öppna den eller starta en "
        'till med "allow_duplicate": true.',
    },
    "already-running-for-values": {
        "fi": "Prosessissa ”{process_key}” on jo päättymätön instanssi Y-tunnuksella {business_key} ja "
        "tiedoilla {distinct} ({instance_id}, aloitettu {started_at}): sen aloitusviestin sopimus aloittaa "
        'yhden kutakin Y-tunnusta ja näitä tietoja kohden ("x-one-instance-per"); avaa se.',
        "sv": "Processen ”{process_key}” har redan en oavslutad instans med FO-numret {business_key} och "
        "uppgifterna {distinct} ({instance_id}, startad {started_at}): dess startmeddelandes kontrakt "
        'startar en per FO-nummer och dessa uppgifter ("x-one-instance-per"); öppna den.',
    },
    "idempotency-key-used": {
        "fi": "Idempotency-Key-otsakkeen avaimella on jo aloitettu liittyminen {instance_id} prosessissa "
        "”{process_key}”, mutta eri prosessilla, viestillä tai Y-tunnuksella.",
        "sv": "Nyckeln i huvudet Idempotency-Key har redan startat anslutningen {instance_id} i processen "
        "”{process_key}”, men med en annan process, ett annat meddelande eller ett annat FO-nummer.",
    },
    "message-key-used": {
        "fi": "Idempotency-Key-otsakkeen avaimella on jo toimitettu toinen viesti liittymiselle "
        "{instance_id}: lähetä tämä viesti omalla avaimellaan.",
        "sv": "Nyckeln i huvudet Idempotency-Key har redan levererat ett annat meddelande till anslutningen "
        "{instance_id}: skicka detta meddelande med en egen nyckel.",
    },
    "several-waiting": {
        "fi": "{count} liittymistä odottaa viestiä ”{name}” ({instances}): lähetä se yhdelle niistä "
        "antamalla instance_id.",
        "sv": "{count} anslutningar väntar på meddelandet ”{name}” ({instances}): skicka det till en av dem "
        "genom att ange instance_id.",
    },
    "no-longer-waiting": {
        "fi": "Liittyminen ei enää odota viestiä ”{name}”.",
        "sv": "Anslutningen väntar inte längre på meddelandet ”{name}”.",
    },
    "several-started": {
        "fi": "Viesti ”{name}” aloittaa useita prosesseja: se voi aloittaa vain yhden.",
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
        "fi": "Prosessia ”{process_key}” ei ole poistettu käytöstä.",
        "sv": "Processen ”{process_key}” är inte tagen ur bruk.",
    },
    "process-retired": {
        "fi": "Prosessi ”{process_key}” poistettiin käytöstä {retired_at} ({retired_by}{why}): uusia "
        "liittymisiä ei aloiteta; käynnissä olevat viedään loppuun.",
        "sv": "Processen ”{process_key}” togs ur bruk {retired_at} ({retired_by}{why}): inga nya "
        "anslutningar startas; de pågående slutförs.",
    },
    "incident-resolved": {
        "fi": "Häiriö {incident_id} on jo ratkaistu: {resolved_by} ratkaisi sen {resolved_at}.",
        "sv": "Incidenten {incident_id} är redan löst: {resolved_by} löste den {resolved_at}.",
    },
    "incident-of-the-diagram": {
        "fi": "Häiriö {incident_id} on prosessikaavion virhe, johon pyyntö törmäsi: liittyminen ei "
        "pysähtynyt, joten uudelleen ajettavaa ei ole. Siirrä liittyminen korjattuun versioon tai merkitse "
        "häiriö ratkaistuksi.",
        "sv": "Incidenten {incident_id} är ett fel i processdiagrammet som en begäran stötte på: "
        "anslutningen stannade inte, så det finns inget att köra igen. Flytta den till en rättad version "
        "eller markera incidenten som löst.",
    },
    "incident-of-a-start": {
        "fi": "Häiriö {incident_id} on prosessikaavion virhe, johon aloitus törmäsi: liittymistä ei "
        "tallennettu, joten uudelleen ajettavaa ei ole. Ota käyttöön korjattu versio tai merkitse häiriö "
        "ratkaistuksi.",
        "sv": "Incidenten {incident_id} är ett fel i processdiagrammet som en start stötte på: ingen "
        "anslutning sparades, så det finns inget att köra igen. Driftsätt en rättad version eller markera "
        "incidenten som löst.",
    },
    "incident-holds-instance": {
        "fi": "Häiriö {incident_id} pitää liittymisen pysähdyksissä: aja vaihe uudelleen (POST "
        "/api/v1/incidents/{incident_id}/retry) sen sijaan, että merkitsisit häiriön ratkaistuksi.",
        "sv": "Incidenten {incident_id} håller anslutningen stoppad: kör steget igen (POST "
        "/api/v1/incidents/{incident_id}/retry) i stället för att markera incidenten som löst.",
    },
    "external-task-not-ready": {
        "fi": "Ulkoinen tehtävä ”{name}” ei ole tehtävissä (sen tila: {state}).",
        "sv": "Den externa uppgiften ”{name}” går inte att utföra (dess tillstånd: {state}).",
    },
    "external-task-not-locked": {
        "fi": "Ulkoista tehtävää {task_id} ei ole lukittu: hae ja lukitse se ensin.",
        "sv": "Den externa uppgiften {task_id} är inte låst: hämta och lås den först.",
    },
    "locked-by-another-worker": {
        "fi": "Ulkoisen tehtävän {task_id} on lukinnut toinen käsittelijä kuin ”{worker_id}”.",
        "sv": "Den externa uppgiften {task_id} är låst av en annan hanterare än ”{worker_id}”.",
    },
    "clock-not-adjustable": {
        "fi": "Palvelun kello seuraa järjestelmän aikaa: vain säädettävää kelloa voi siirtää.",
        "sv": "Tjänstens klocka följer systemtiden: bara en justerbar klocka kan flyttas.",
    },
    # what a request names is not there (404), or is not the caller's party's to know of
    "no-instance": {
        "fi": "Liittymistä {instance_id} ei löydy.",
        "sv": "Anslutningen {instance_id} hittas inte.",
    },
    "no-ready-task": {
        "fi": "Tehtävissä olevaa tehtävää {task_id} ei löydy.",
        "sv": "Det finns ingen uppgift {task_id} som går att utföra.",
    },
    "no-task-in-instance": {
        "fi": "Liittymisessä ei ole tehtävää {task_id}.",
        "sv": "Anslutningen har ingen uppgift {task_id}.",
    },
    "no-external-task": {
        "fi": "Ulkoista tehtävää {task_id} ei löydy: se on jo tehty, tai liittyminen on edennyt sen ohi.",
        "sv": "Den externa uppgiften {task_id} hittas inte: den är redan utförd, eller så har anslutningen "
        "gått vidare förbi den.",
    },
    "no-process": {
        "fi": "Prosessia ”{process_key}” ei ole otettu käyttöön.",
        "sv": "Processen ”{process_key}” är inte driftsatt.",
    },
    "no-version": {
        "fi": "Prosessin ”{process_key}” versiota {version} ei ole otettu käyttöön.",
        "sv": "Version {version} av processen ”{process_key}” är inte driftsatt.",
    },
    "no-batch": {
        "fi": "Siirtoerää {batch_id} ei löydy.",
        "sv": "Flyttpartiet {batch_id} hittas inte.",
    },
    "no-incident": {
        "fi": "Häiriötä {incident_id} ei löydy.",
        "sv": "Incidenten {incident_id} hittas inte.",
    },
    "nobody-waits": {
        "fi": "Mikään käynnissä oleva liittyminen ei odota viestiä ”{name}” annetuilla tiedoilla.",
        "sv": "Ingen pågående anslutning med de angivna uppgifterna väntar på meddelandet ”{name}”.",
    },
    "nobody-waits-or-starts": {
        "fi": "Mikään käynnissä oleva liittyminen ei odota viestiä ”{name}” annetuilla tiedoilla, eikä "
        "mikään prosessi ala sillä.",
        "sv": "Ingen pågående anslutning med de angivna uppgifterna väntar på meddelandet ”{name}”, och "
        "ingen process startar med det.",
    },
    # not the caller's party's to do (403)
    "own-onboardings-only": {
        "fi": "Osapuoli {party} voi aloittaa vain omia liittymisiään: anna business_key-arvoksi ”{party}” "
        "(palvelunantajan Y-tunnus).",
        "sv": "Parten {party} kan bara starta sina egna anslutningar: ange ”{party}” som business_key "
        "(tjänstetillhandahållarens FO-nummer).",
    },
    "provider-cancels": {
        "fi": "Vain palvelunantaja ({provider}) voi perua liittymisen {instance_id}.",
        "sv": "Endast tjänstetillhandahållaren ({provider}) kan avbryta anslutningen {instance_id}.",
    },
    "task-in-another-lane": {
        "fi": "Tehtävä {task_id} on kaistalla ”{lane}”, joka ei tässä liittymisessä kuulu osapuolelle "
        "{party}: vain kaistan oma osapuoli voi tehdä sen.",
        "sv": "Uppgiften {task_id} ligger i simbanan ”{lane}”, som i denna anslutning inte hör till parten "
        "{party}: bara simbanans egen part kan utföra den.",
    },
    "external-task-in-another-lane": {
        "fi": "Ulkoinen tehtävä {task_id} on kaistalla ”{lane}”, joka ei tässä liittymisessä kuulu "
        "osapuolelle {party}: vain kaistan oman osapuolen käsittelijä voi tehdä sen.",
        "sv": "Den externa uppgiften {task_id} ligger i simbanan ”{lane}”, som i denna anslutning inte hör "
        "till parten {party}: bara simbanans egen parts hanterare kan utföra den.",
    },
    "message-in-another-lane": {
        "fi": "Liittyminen {instance_id} odottaa viestiä ”{name}” kaistalla ”{lane}”, joka ei kuulu "
        "osapuolelle {party}: vain kaistan oma osapuoli voi lähettää sen.",
        "sv": "Anslutningen {instance_id} väntar på meddelandet ”{name}” i simbanan ”{lane}”, som inte hör "
        "till parten {party}: bara simbanans egen part kan skicka det.",
    },
    "message-thrown-only": {
        "fi": "Viestin ”{name}” lähettävät vain luettelon prosessit (sen sopimuksessa on ”x-thrown-only”): "
        "mikään osapuoli ei lähetä sitä ulkopuolelta.",
        "sv": "Meddelandet ”{name}” skickas bara av katalogens processer (dess kontrakt säger "
        "”x-thrown-only”): ingen part skickar det utifrån.",
    },
    "start-in-another-lane": {
        "fi": "Mikään liittyminen ei odota viestiä ”{name}”, ja viesti aloittaisi prosessin ”{process_key}”, "
        "jonka aloitustapahtuman kaista ”{lane}” ei kuulu osapuolelle {party}.",
        "sv": "Ingen anslutning väntar på meddelandet ”{name}”, och meddelandet skulle starta processen "
        "”{process_key}”, vars starthändelse ligger i simbanan ”{lane}”, som inte hör till parten {party}.",
    },
    "retries-resolve-incident": {
        "fi": "Häiriö {incident_id} pitää ulkoista tehtävää {task_id} pysähdyksissä: uusien yritysten "
        "antaminen ratkaisee häiriön, ja sen voi tehdä vain pääkäyttäjä.",
        "sv": "Incidenten {incident_id} håller den externa uppgiften {task_id} stoppad: att ge den nya "
        "försök löser incidenten, och det kan bara en administratör göra.",
    },
    # who may call (api/auth.py): 401, 403, 429
    "token-missing": {
        "fi": "Tunnistaudu: lähetä otsake Authorization: Bearer <API-tunniste>.",
        "sv": "Autentisera dig: skicka huvudet Authorization: Bearer <API-nyckel>.",
    },
    "token-unknown": {
        "fi": "API-tunnistetta ei tunneta.",
        "sv": "API-nyckeln är okänd.",
    },
    "token-refused": {
        "fi": "API-tunniste hylättiin: {why}",
        "sv": "API-nyckeln avvisades: {why}",
    },
    "cookie-from-elsewhere": {
        "fi": "Kirjautumisevästeellä tehdyn muutoksen on tultava palvelun omilta sivuilta.",
        "sv": "En ändring som görs med inloggningskakan måste komma från tjänstens egna sidor.",
    },
    "role-may-not": {
        "fi": "Rooli {role} ei saa {permission}.",
        "sv": "Rollen {role} får inte {permission}.",
    },
    "too-many-unknown-tokens": {
        "fi": "Tästä osoitteesta on tullut liian monta pyyntöä tuntemattomalla API-tunnisteella ({limit}): "
        "palvelu vastaa osoitteeseen uudelleen {retry_after} sekunnin kuluttua.",
        "sv": "För många förfrågningar med en okänd API-nyckel har kommit från denna adress ({limit}): "
        "tjänsten svarar adressen igen om {retry_after} sekunder.",
    },
    "script-failure": {
        "en": "the process could not go on at {element_id}: {message}. Nothing was stored and the "
        "instance waits where it did: correct the data and send it again",
        "fi": "Prosessi ei voinut edetä kohdassa {element_id}: {message}. Mitään ei tallennettu, ja "
        "liittyminen odottaa samassa kohdassa kuin ennenkin: korjaa tiedot ja lähetä ne uudelleen.",
        "sv": "Processen kunde inte fortsätta vid {element_id}: {message}. Inget sparades, och anslutningen "
        "väntar kvar där den var: rätta uppgifterna och skicka dem igen.",
    },
    "definition-fault": {
        "en": "the process definition is at fault at {element_id}: {message}. Not the request's data: "
        "nothing of it was stored, the instance waits where it did, and the diagram needs an analyst's "
        "correction (a new version, then the instance moved to it){incident_opened}",
        "fi": "Vika on prosessikuvauksessa kohdassa {element_id}: {message}. Vika ei ole pyynnön tiedoissa: "
        "niistä ei tallennettu mitään, liittyminen odottaa samassa kohdassa kuin ennenkin, ja analyytikon on "
        "korjattava kaavio (uusi versio, johon liittyminen siirretään).{incident_opened}",
        "sv": "Felet ligger i processbeskrivningen vid {element_id}: {message}. Felet ligger inte i "
        "begärans uppgifter: inget av dem sparades, anslutningen väntar kvar där den var, och en analytiker "
        "behöver rätta diagrammet (en ny version som anslutningen flyttas till).{incident_opened}",
    },
    "start-definition-fault": {
        "en": "the process definition is at fault at {element_id}: {message}. Not the request's data: no "
        "instance was started, and an incident on the process version tells the analysts (GET "
        "/api/v1/incidents); start again once a corrected version is deployed",
        "fi": "Vika on prosessikuvauksessa kohdassa {element_id}: {message}. Vika ei ole pyynnön tiedoissa: "
        "liittymistä ei aloitettu, ja prosessiversiolle avattu häiriö kertoo siitä analyytikoille (GET "
        "/api/v1/incidents). Aloita uudelleen, kun korjattu versio on otettu käyttöön.",
        "sv": "Felet ligger i processbeskrivningen vid {element_id}: {message}. Felet ligger inte i "
        "begärans uppgifter: ingen anslutning startades, och en incident på processversionen meddelar "
        "analytikerna (GET /api/v1/incidents). Starta igen när en rättad version har driftsatts.",
    },
}

# A message an instance threw that could not be delivered is refused as a script's failure is.
DETAILS["message-undelivered"] = DETAILS["script-failure"]

# What an HTTP error says when nothing more particular was given, by its problem type.
GENERAL = {
    "not-found": {
        "fi": "Pyydettyä osoitetta ei ole: tarkista sen kirjoitusasu.",
        "sv": "Den begärda adressen finns inte: kontrollera hur den är skriven.",
    },
    "method-not-allowed": {
        "fi": "Osoite ei ota vastaan tätä HTTP-metodia; sallitut metodit ovat Allow-otsakkeessa.",
        "sv": "Adressen tar inte emot denna HTTP-metod; de tillåtna metoderna står i huvudet Allow.",
    },
    "not-acceptable": {
        "fi": "Palvelu ei voi vastata missään Accept-otsakkeen pyytämistä muodoista.",
        "sv": "Tjänsten kan inte svara i något av de format som huvudet Accept begär.",
    },
    "payload-too-large": {
        "fi": "Pyynnön sisältö on suurempi kuin palvelu ottaa vastaan.",
        "sv": "Begärans innehåll är större än vad tjänsten tar emot.",
    },
    "unsupported-media-type": {
        "fi": "Palvelu ei ota vastaan pyynnön sisältötyyppiä (Content-Type).",
        "sv": "Tjänsten tar inte emot begärans innehållstyp (Content-Type).",
    },
    "uri-too-long": {
        "fi": "Pyynnön osoite on pidempi kuin palvelu ottaa vastaan.",
        "sv": "Begärans adress är längre än vad tjänsten tar emot.",
    },
    "headers-too-large": {
        "fi": "Pyynnön otsakkeet ovat suuremmat kuin palvelu ottaa vastaan.",
        "sv": "Begärans huvuden är större än vad tjänsten tar emot.",
    },
    "bad-request": {
        "fi": "Palvelu ei ymmärtänyt pyyntöä.",
        "sv": "Tjänsten förstod inte begäran.",
    },
}

# A definition fault met by a running instance is an incident the analysts see (GET /api/v1/incidents).
_INCIDENT_OPENED = {
    "en": "; an incident on the instance tells the analysts (GET /api/v1/incidents)",
    "fi": " Liittymiselle avattu häiriö kertoo siitä analyytikoille (GET /api/v1/incidents).",
    "sv": " En incident på anslutningen meddelar analytikerna (GET /api/v1/incidents).",
}

# What a role may not do (api/auth.py's permissions), as a sentence says it after "may not".
_PERMISSIONS = {
    "fi": {
        "read": "lukea tietoja",
        "operate": "käsitellä liittymisiä",
        "deploy": "ottaa käyttöön prosessikuvauksia",
        "move_clock": "siirtää kelloa",
        "repair": "korjata liittymisiä",
    },
    "sv": {
        "read": "läsa uppgifter",
        "operate": "hantera anslutningar",
        "deploy": "driftsätta processbeskrivningar",
        "move_clock": "flytta klockan",
        "repair": "rätta anslutningar",
    },
}

# The statuses an instance can be in, as a sentence says them.
_STATUSES = {
    "fi": {"running": "käynnissä", "completed": "päättynyt", "error": "virhetilassa", "cancelled": "peruttu"},
    "sv": {"running": "pågående", "completed": "avslutad", "error": "i felläge", "cancelled": "avbruten"},
}
_AT = {"fi": "{day} klo {time}", "sv": "{day} kl. {time}"}


def title(kind: str, language: str, english: str) -> str:
    return TITLES.get(kind, {}).get(language, english)


def detail(reason: str | None, values: dict, language: str, english: str) -> str:
    """The reason's sentence in ``language`` with its values; ``english`` (the engine's) when the reason
    has no words in the language (a refusal is never lost for words)."""
    return _worded(DETAILS.get(reason or "", {}).get(language), values, language, english)


def general(kind: str, language: str, english: str) -> str:
    """What an HTTP error of problem type ``kind`` says in ``language`` when it says nothing particular."""
    return _worded(GENERAL.get(kind, {}).get(language), {}, language, english)


def _worded(template: str | None, values: dict, language: str, english: str) -> str:
    if template is None:
        return english
    shown = {name: _shown(name, value, language) for name, value in values.items()}
    if "why" in shown:
        shown["why"] = f": {shown['why']}" if shown["why"] else ""
    if "incident_opened" in shown:
        shown["incident_opened"] = _INCIDENT_OPENED[language] if values["incident_opened"] else ""
    return filled(template, shown, english)


def filled(template: str, shown: dict, english: str) -> str:
    """``template`` with the values ``shown`` (each already as the sentence says it); ``english`` when it
    names a value that was not given: the library's or the engine's own sentence still says it."""
    try:
        return string.Formatter().vformat(template, (), shown)
    except (KeyError, IndexError):
        return english


def _shown(name: str, value, language: str) -> str:
    if language == ENGLISH:
        return str(value)
    if name == "status":
        return _STATUSES[language].get(str(value), str(value))
    if name == "permission":
        return f"{_PERMISSIONS[language].get(str(value), str(value))} ({value})"
    if name.endswith("_at") or name == "at":
        try:
            moment = datetime.fromisoformat(str(value)).astimezone(_ZONE)
        except ValueError:
            return str(value)
        day, time = f"{moment.day}.{moment.month}.{moment.year}", f"{moment.hour}.{moment.minute:02d}"
        return _AT[language].format(day=day, time=time)
    return "" if value is None else str(value)
