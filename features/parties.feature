# language: fi
Ominaisuus: Kukin osapuoli tekee vain oman osansa käyttöönotosta
  In English: each organisation of an onboarding signs in as itself and does only its own part. A system
  vendor that is not this provider's vendor does not even learn that the onboarding exists; the provider
  can not do its vendor's task, send Kela's decision or let its vendor cancel its onboarding. After each
  refusal the onboarding is exactly as it was, and the party whose part it is then does it.

  Jokainen osapuoli kirjautuu omalla tunnuksellaan ja tekee vain oman osansa. Järjestelmätoimittaja, joka ei
  ole tämän palvelunantajan toimittaja, ei saa edes tietää käyttöönoton olevan olemassa; palvelunantaja ei
  voi tehdä järjestelmätoimittajansa tehtävää eikä lähettää Kelan päätöstä, eikä järjestelmätoimittaja voi
  perua palvelunantajan käyttöönottoa. Jokaisen torjutun yrityksen jälkeen käyttöönotto on ennallaan, ja
  se osapuoli, jonka osa on vuorossa, tekee sen.

  Tausta:
    Oletetaan palvelunantajan aloittaneen prosessin "Potilastietovarannon käyttöönotto" Y-tunnukselle 7102201-2
    Ja avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | vendor_business_id | 2345678-0 |
      | contacted_on       | tänään    |
    Niin avoinna on vain tehtävä "Lähetä valmisteluohjeet", jonka tekee järjestelmätoimittaja

  Tapaus: Toisen asiakkaan järjestelmätoimittaja ei löydä tehtävää, eikä palvelunantaja voi tehdä toimittajansa tehtävää
    Kun toinen järjestelmätoimittaja (Y-tunnus 5050505-8) yrittää tehdä tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään   |
      | system_name          | Muu      |
      | system_certified     | kyllä    |
      | intermediary_name    | Muu Oy   |
    Niin palvelu vastaa, ettei sellaista ole, eikä mikään muutu
    Kun palvelunantaja yrittää tehdä tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin palvelu kieltää sen, eikä mikään muutu
    Kun järjestelmätoimittaja yrittää perua prosessin
    Niin palvelu kieltää sen, eikä mikään muutu
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Ja tiedon "system_name" arvo on eRA

  Tapaus: Vain Kela lähettää Kelan päätöksen hakemukseen
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7102201.10.0 |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun palvelunantaja yrittää lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin palvelu kieltää sen, eikä mikään muutu
    Kun järjestelmätoimittaja yrittää lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin palvelu kieltää sen, eikä mikään muutu
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja
    Ja viestejä ei odoteta
