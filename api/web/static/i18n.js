/* The cockpit's own words in Finnish, Swedish and English. The pages are written in English; a text is
 * looked up by its English words, and one not in a language's catalogue stays English (a missing
 * translation shows, it never breaks a page). The language is the one chosen with the control in the top
 * bar (kept in this browser), else the browser's first of fi, sv and en, else Finnish. Dates are Finnish
 * in every language ("5.1.2026 klo 9.00", core.js). Names from the diagrams are the analysts' and are
 * shown as they wrote them. */
"use strict";

const KantaText = (() => {
  const STORED = "kanta.language";
  const LANGUAGES = { fi: "Suomi", sv: "Svenska", en: "English" };

  const CATALOGUE = {
    fi: {
      "Skip to the content": "Siirry sisältöön",
      Main: "Päävalikko",
      Processes: "Prosessit",
      Instances: "Liittymiset",
      Tasks: "Tehtävät",
      "Log out": "Kirjaudu ulos",
      Language: "Kieli",
      "Waiting for": "Odottaa",
      Message: "Viesti",
      Task: "Tehtävä",
      Timer: "Ajastin",
      "Send the message": "Lähetä viesti",
      "Where it stands": "Missä se on",
      done: "tehty",
      "waiting now": "odottaa nyt",
      "The diagram opens at the step the instance waits at. Click it to zoom with the mouse wheel and drag it.":
        "Kaavio avautuu vaiheeseen, jossa liittyminen odottaa. Napsauta kaaviota zoomataksesi hiiren rullalla ja vetääksesi sitä.",
      "Zoom in": "Lähennä",
      "Zoom out": "Loitonna",
      Fit: "Sovita",
      "Click a step to read its instructions.": "Napsauta vaihetta lukeaksesi sen ohjeet.",
      Variables: "Muuttujat",
      Incidents: "Häiriöt",
      History: "Historia",
      "ready since": "valmiina",
      "waiting since": "odottanut",
      from: "lähettäjä",
      "Open the task": "Avaa tehtävä",
      "Record the message…": "Kirjaa viesti…",
      due: "erääntyy",
      "was due": "erääntyi",
      "Nothing: the instance is": "Ei mitään: liittymisen tila on",
      Status: "Tila",
      Process: "Prosessi",
      "Business key": "Y-tunnus",
      "Instance id": "Tunniste",
      Started: "Aloitettu",
      Ended: "Päättynyt",
      Error: "Virhe",
      "Cancel the instance": "Peru liittyminen",
      Oversight: "Seuranta",
      "Where they wait": "Missä ne odottavat",
      "running onboardings waiting at the step": "käynnissä olevaa liittymistä odottaa vaiheessa",
      "of them late (a reminder fired)": "niistä myöhässä (muistutus lähti)",
      Late: "Myöhässä",
      "Overdue timers": "Erääntyneet ajastimet",
      "Due within 7 days": "Erääntyy 7 päivän sisällä",
      running: "käynnissä",
      late: "myöhässä",
      "timers overdue": "ajastinta erääntynyt",
      "due within {days} days": "erääntyy {days} päivän sisällä",
      "Running onboardings as they stand at": "Käynnissä olevat liittymiset, tilanne",
      Step: "Vaihe",
      "Running onboardings": "Käynnissä",
      Onboarding: "Liittyminen",
      "Still at": "Yhä vaiheessa",
      Reminder: "Muistutus",
      Reminded: "Muistutettu",
      At: "Vaihe",
      Due: "Erääntyy",
      "No onboarding of this process is running.": "Tämän prosessin liittymisiä ei ole käynnissä.",
      "Nothing is late: no reminder has fired where an onboarding still waits.":
        "Mikään ei ole myöhässä: muistutusta ei ole lähtenyt yhdessäkään odottavassa liittymisessä.",
      "No timer is overdue.": "Yksikään ajastin ei ole erääntynyt.",
      "Nothing falls due within the week.": "Viikon sisällä ei erääny mitään.",
      task: "tehtävä",
      message: "viesti",
      timer: "ajastin",
      "system work": "järjestelmätyö",
      Deploy: "Julkaise",
      Files: "Tiedostot",
      Show: "Näytä",
      "Choose at least one file.": "Valitse vähintään yksi tiedosto.",
      "Choose a problem to see its step.": "Valitse ongelma nähdäksesi sen vaiheen.",
      "After the move": "Siirron jälkeen",
      "Change": "Muutos",
      "Content hash": "Sisällön tiiviste",
      "Deployed": "Julkaistu",
      "Deployed by": "Julkaisija",
      "Element": "Elementti",
      "Failures": "Epäonnistumisia",
      "File": "Tiedosto",
      "Last failure": "Viimeisin epäonnistuminen",
      "Migration": "Siirto",
      "No incidents.": "Ei häiriöitä.",
      "No instance waits anywhere.": "Yksikään liittyminen ei odota missään.",
      "No variables yet.": "Ei vielä muuttujia.",
      "Nothing changed in the elements.": "Elementeissä ei muuttunut mitään.",
      "Nothing is deployed yet.": "Mitään ei ole vielä julkaistu.",
      "Now at": "Nyt vaiheessa",
      "Process key": "Prosessin avain",
      "Running": "Käynnissä",
      "Stopped by an incident": "Häiriön pysäyttämiä",
      "Value": "Arvo",
      "Variable": "Muuttuja",
      "Version": "Versio",
      "What changed": "Mikä muuttui",
      "What failed": "Mikä epäonnistui",
      "Where the instances wait": "Missä liittymiset odottavat",
      "Task completed": "Tehtävä tehty",
      "Step done": "Vaihe tehty",
      "Message received": "Viesti vastaanotettu",
      "Timer fired": "Ajastin laukesi",
      "Completed": "Valmis",
      "Cancelled": "Peruttu",
      "Stopped with an error": "Pysähtyi virheeseen",
      "Oversight: where the running onboardings wait, what is late and what falls due": "Seuranta: missä käynnissä olevat liittymiset odottavat, mikä on myöhässä ja mikä erääntyy",
      "Diagram": "Kaavio",
      "No step selected.": "Vaihetta ei ole valittu.",
      "Versions": "Versiot",
      "The latest deployed version of every process. Open one to see its diagram, its versions and what each step asks for.": "Jokaisen prosessin viimeisin julkaistu versio. Avaa prosessi nähdäksesi sen kaavion, versiot ja mitä kukin vaihe pyytää.",
      "Zoom": "Zoomaus",
      "Adjustable clock: it is": "Säädettävä kello: täällä on",
      "here.": "",
      "+1 day": "+1 päivä",
      "+1 week": "+1 viikko",
      "Nothing here.": "Ei mitään.",
      "Instructions (English)": "Ohjeet (englanniksi)",
      "Instructions": "Ohjeet",
      "Rules": "Säännöt",
      "No instructions are written for this step.": "Tälle vaiheelle ei ole kirjoitettu ohjeita.",
      "Waiting now": "Odottaa nyt",
      "Done": "Tehty",
    },
    sv: {
      "Skip to the content": "Hoppa till innehållet",
      Main: "Huvudmeny",
      Processes: "Processer",
      Instances: "Anslutningar",
      Tasks: "Uppgifter",
      "Log out": "Logga ut",
      Language: "Språk",
      "Waiting for": "Väntar på",
      Message: "Meddelande",
      Task: "Uppgift",
      Timer: "Timer",
      "Send the message": "Skicka meddelandet",
      "Where it stands": "Var den står",
      done: "klar",
      "waiting now": "väntar nu",
      "The diagram opens at the step the instance waits at. Click it to zoom with the mouse wheel and drag it.":
        "Diagrammet öppnas vid steget där anslutningen väntar. Klicka på det för att zooma med mushjulet och dra det.",
      "Zoom in": "Zooma in",
      "Zoom out": "Zooma ut",
      Fit: "Anpassa",
      "Click a step to read its instructions.": "Klicka på ett steg för att läsa dess anvisningar.",
      Variables: "Variabler",
      Incidents: "Incidenter",
      History: "Historik",
      "ready since": "klar sedan",
      "waiting since": "väntar sedan",
      from: "från",
      "Open the task": "Öppna uppgiften",
      "Record the message…": "Registrera meddelandet…",
      due: "förfaller",
      "was due": "förföll",
      "Nothing: the instance is": "Inget: anslutningens status är",
      Status: "Status",
      Process: "Process",
      "Business key": "FO-nummer",
      "Instance id": "Id",
      Started: "Startad",
      Ended: "Avslutad",
      Error: "Fel",
      "Cancel the instance": "Avbryt anslutningen",
      Oversight: "Översikt",
      "Where they wait": "Var de väntar",
      "running onboardings waiting at the step": "pågående anslutningar väntar vid steget",
      "of them late (a reminder fired)": "av dem försenade (en påminnelse har gått ut)",
      Late: "Försenade",
      "Overdue timers": "Förfallna timers",
      "Due within 7 days": "Förfaller inom 7 dagar",
      running: "pågående",
      late: "försenade",
      "timers overdue": "timers förfallna",
      "due within {days} days": "förfaller inom {days} dagar",
      "Running onboardings as they stand at": "Pågående anslutningar, läget",
      Step: "Steg",
      "Running onboardings": "Pågående",
      Onboarding: "Anslutning",
      "Still at": "Fortfarande vid",
      Reminder: "Påminnelse",
      Reminded: "Påmind",
      At: "Steg",
      Due: "Förfaller",
      "No onboarding of this process is running.": "Ingen anslutning i denna process pågår.",
      "Nothing is late: no reminder has fired where an onboarding still waits.":
        "Inget är försenat: ingen påminnelse har gått ut där en anslutning fortfarande väntar.",
      "No timer is overdue.": "Ingen timer har förfallit.",
      "Nothing falls due within the week.": "Inget förfaller inom en vecka.",
      task: "uppgift",
      message: "meddelande",
      timer: "timer",
      "system work": "systemarbete",
      Deploy: "Publicera",
      Files: "Filer",
      Show: "Visa",
      "Choose at least one file.": "Välj minst en fil.",
      "Choose a problem to see its step.": "Välj ett problem för att se dess steg.",
      "After the move": "Efter flytten",
      "Change": "Ändring",
      "Content hash": "Innehållets hash",
      "Deployed": "Publicerad",
      "Deployed by": "Publicerad av",
      "Element": "Element",
      "Failures": "Misslyckanden",
      "File": "Fil",
      "Last failure": "Senaste misslyckande",
      "Migration": "Flytt",
      "No incidents.": "Inga incidenter.",
      "No instance waits anywhere.": "Ingen anslutning väntar någonstans.",
      "No variables yet.": "Inga variabler ännu.",
      "Nothing changed in the elements.": "Inget ändrades i elementen.",
      "Nothing is deployed yet.": "Inget är publicerat ännu.",
      "Now at": "Nu vid",
      "Process key": "Processnyckel",
      "Running": "Pågående",
      "Stopped by an incident": "Stoppade av en incident",
      "Value": "Värde",
      "Variable": "Variabel",
      "Version": "Version",
      "What changed": "Vad som ändrades",
      "What failed": "Vad som misslyckades",
      "Where the instances wait": "Var anslutningarna väntar",
      "Task completed": "Uppgift utförd",
      "Step done": "Steg klart",
      "Message received": "Meddelande mottaget",
      "Timer fired": "Timer utlöst",
      "Completed": "Slutförd",
      "Cancelled": "Avbruten",
      "Stopped with an error": "Stoppad av ett fel",
      "Oversight: where the running onboardings wait, what is late and what falls due": "Översikt: var pågående anslutningar väntar, vad som är försenat och vad som förfaller",
      "Diagram": "Diagram",
      "No step selected.": "Inget steg valt.",
      "Versions": "Versioner",
      "The latest deployed version of every process. Open one to see its diagram, its versions and what each step asks for.": "Den senast publicerade versionen av varje process. Öppna en för att se dess diagram, versioner och vad varje steg ber om.",
      "Zoom": "Zoom",
      "Adjustable clock: it is": "Justerbar klocka: här är det",
      "here.": "",
      "+1 day": "+1 dag",
      "+1 week": "+1 vecka",
      "Nothing here.": "Inget här.",
      "Instructions (English)": "Anvisningar (engelska)",
      "Instructions": "Anvisningar",
      "Rules": "Regler",
      "No instructions are written for this step.": "Inga anvisningar har skrivits för detta steg.",
      "Waiting now": "Väntar nu",
      "Done": "Klar",
    },
  };

  function chosen() {
    const stored = localStorage.getItem(STORED);
    if (stored in LANGUAGES) return stored;
    for (const wanted of navigator.languages || [navigator.language]) {
      const base = String(wanted).toLowerCase().split("-")[0];
      if (base in LANGUAGES) return base;
    }
    return "fi";
  }

  const language = chosen();

  /** ``english`` in the chosen language; "{name}" parts are filled from ``values``. */
  function t(english, values = {}) {
    const said = CATALOGUE[language]?.[english] ?? english;
    return said.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
  }

  /** The page's own texts: each element marked data-i18n has its English text (and aria-label) replaced. */
  function apply(root) {
    document.documentElement.lang = language;
    for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.textContent.trim());
    for (const node of root.querySelectorAll("[data-i18n-label]")) {
      node.setAttribute("aria-label", t(node.getAttribute("aria-label")));
    }
  }

  /** The language control of the top bar: a choice, remembered in this browser. */
  function control(select) {
    if (!select) return;
    for (const [code, name] of Object.entries(LANGUAGES)) {
      select.append(new Option(name, code, false, code === language));
    }
    select.value = language;
    select.addEventListener("change", () => {
      localStorage.setItem(STORED, select.value);
      location.reload();
    });
  }

  return { language, t, apply, control };
})();
