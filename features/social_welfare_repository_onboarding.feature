# language: fi
Ominaisuus: Sosiaalihuollon asiakastietovarannon käyttöönotto
  In English: a social-care service provider joins the Social Welfare Client Data Repository (seeds 001,
  002). The provider states how it provides its services and its joining model: direct, joint through a
  main joiner, or parallel in the wellbeing services county's system (the county decides whether it offers
  its system; a provider that records only the organiser's data need not join at all; seed 002 does not
  recommend the parallel model to a provider with its own certified system, so choosing it then takes an
  explicit confirmation). The system vendor
  describes the system: a patient information system can not be used at once; an uncertified system is
  certified, and a system without the registry use right function (which every phase 1 system lacks) gets it
  first; both beside the provider's preparations, as only the application needs the certified system (seed
  002): a direct joiner's system must have it in use (seed 002); a parallel joiner's own system need not, as
  seed 002 puts that requirement on the county's system. A joint joiner only agrees with its main
  joiner, whose system must have the function, and its own onboarding ends there: only the main joiner
  applies (seeds 001, 002). The decision table gives the legal
  joining deadline (1.9.2026 for every way of providing services; the earlier dates of seed 001 are kept as
  superseded) for the provider to see; no seed says Kela follows it up, so nothing waits for it. The
  provider prepares, registers its organisation for the deployment (seed 001, step 3: no period is chosen
  and nothing waits for Kela to confirm it), does its own deployment tasks, applies in Kanta Extranet and
  Kela decides; the
  deployment test is run with the vendor and reported to Kela at the latest two days after the test (counted
  from the test's date, not from when the report task opened). A producer of purchased services
  or service vouchers always agrees with the organiser how the original documents reach it and how the client's rights are
  fulfilled together (Act 703/2023 section 14, seed 002). Storing the documents straight into a wellbeing
  services county's register is offered only after the county has confirmed that it has joined and its system
  supports the registry use right, and has committed to opening the right each time it grants a client's
  service (seed 002: "Avaa palvelun myontamisen yhteydessa"); the per-client opening is the county's daily
  work, not a step of onboarding. The repository is in use for the provider as soon as its test is reported
  (seed 001), and its onboarding ends there: its message starts the county's own process, where the county's
  readiness, its commitment and the agreement that follows run, holding none of the provider's steps and no
  process that called the onboarding (features/county_registry_use_right.feature walks it on its own).

  Palvelunantaja kertoo, miten se tuottaa sosiaalipalvelunsa ja mitä liittymismallia se käyttää:
  suoraliittyminen, yhteisliittyminen pääliittyjän kautta tai rinnakkaisliittyminen hyvinvointialueen
  järjestelmään (hyvinvointialue päättää, tarjoaako se järjestelmäänsä; jos palvelunantaja tallentaa vain
  järjestäjän rekisteriin kuuluvaa tietoa, sen ei tarvitse liittyä; rinnakkaisliittymismallia ei suositella,
  jos käytössä on oma sertifioitu järjestelmä, joten silloin valinta vahvistetaan erikseen). Järjestelmätoimittaja kuvaa
  järjestelmän: potilastietojärjestelmällä ei voi liittyä, sertifioimaton järjestelmä sertifioidaan
  valmistelujen rinnalla ennen hakemusta (vain hakemus tehdään sertifioidulla järjestelmällä) ja järjestelmään, josta rekisterinkäyttöoikeus-toiminnallisuus puuttuu (kuten jokaisesta vaiheen 1
  järjestelmästä), tuodaan se valmistelujen rinnalla: suoraliittyjän järjestelmässä sen pitää olla käytössä. Rinnakkaisliittyjän
  omalta järjestelmältä sitä ei vaadita, koska lähde asettaa vaatimuksen hyvinvointialueen järjestelmälle. Yhteisliittyjä
  vain sopii pääliittyjän kanssa, jonka järjestelmässä toiminnallisuuden pitää olla, ja sen oma käyttöönotto
  päättyy siihen: vain pääliittyjä hakee liittymistä. Päätöstaulu antaa lakisääteisen liittymisen
  takarajan 1.9.2026 palvelunantajan tiedoksi; mikään lähde ei kerro Kelan seuraavan sitä, joten mikään ei
  odota sitä. Palvelunantaja tekee valmistelevat tehtävät, ilmoittaa organisaationsa käyttöönottoon
  (jaksoa ei valita eikä Kelan vahvistusta odoteta), tekee omat käyttöönottotehtävänsä ja hakee liittymistä
  Kanta Ekstranetissä. Käyttöönottokoe tehdään järjestelmätoimittajan kanssa ja raportoidaan
  Kelalle viimeistään kaksi päivää kokeen jälkeen (kokeen päivästä laskien, ei siitä, milloin
  raportointitehtävä avautui). Ostopalvelujen tai palvelusetelipalvelujen tuottaja sopii aina järjestäjän kanssa alkuperäisten
  asiakirjojen toimittamisesta ja asiakkaan oikeuksien toteuttamisesta (asiakastietolaki 14 §). Asiakirjojen
  tallentamista suoraan hyvinvointialueen rekisteriin tarjotaan vasta, kun hyvinvointialue on vahvistanut
  liittyneensä ja järjestelmänsä tukevan rekisterinkäyttöoikeutta sekä sitoutunut avaamaan oikeuden aina
  myöntäessään asiakkaalle palvelun; asiakaskohtainen avaaminen kuuluu hyvinvointialueen päivittäiseen
  toimintaan, ei käyttöönottoon. Tietovaranto on palvelunantajan käytössä heti, kun koe on raportoitu; hyvinvointialueen
  vahvistus, sitoumus ja niitä seuraava sopiminen etenevät hyvinvointialueen omassa prosessissa, jonka käyttöönoton
  viesti aloittaa, ja käyttöönotto päättyy raporttiin.

  Tapausaihio: Lakisääteinen liittymisen takaraja on 1.9.2026 kaikille tuottamistavoille (<tuottamistapa>)
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | <y_tunnus>                  |
      | organisation_name  | Hoivakoti Kotisatama Oy     |
      | contact_email      | kanta@kotisatama.example.fi |
      | service_provision  | <tuottamistapa>             |
      | joining_model      | direct                      |
      | vendor_business_id | 2345678-0                   |
      | county_business_id | 4567123-8                   |
    Niin avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Ja palvelunantaja näkee tiedon "contact_email" arvona kanta@kotisatama.example.fi
    Ja järjestelmätoimittaja näkee tiedon "contact_email" peitettynä
    Ja Kela näkee tiedon "contact_email" peitettynä
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                                        |
      | system_kind                  | social_care_client_system                        |
      | system_certified             | kyllä                                            |
      | system_phase                 | phase_2                                          |
      | system_profile               | Sosiaalihuollon asiakastietojärjestelmä, vaihe 2 |
      | registry_use_right_supported | kyllä                                            |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1                     |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Ja vaihe "Määritä lakisääteinen liittymisen takaraja" on tehty
    Ja tiedon "joining_deadline" arvo on 2026-09-01
    Ja tiedon "superseded_deadline" arvo on <aiempi_maarapaiva>
    Ja tiedon "deadline_source" arvo on <lahde>
    Ja ajastimia ei ole

    Tapaukset:
      | y_tunnus  | tuottamistapa                 | aiempi_maarapaiva | lahde                        |
      | 1618033-3 | purchased_services_for_county | 2024-09-01        | seed 002 (replaces seed 001) |
      | 1414213-0 | self_paying_clients_only      | 2026-01-01        | seed 002 (replaces seed 001) |
      | 1259921-7 | services_for_private_provider | ""                | seed 002                     |
      | 1732050-2 | public_organiser              | ""                | seed 002                     |

  Tapausaihio: Vain sertifioitu sosiaalihuollon asiakastietojärjestelmä, jossa on rekisterinkäyttöoikeus-toiminnallisuus, kelpaa, potilastietojärjestelmä ei koskaan (<jarjestelma>, sertifioitu: <sertifioitu>)
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | <y_tunnus>                    |
      | organisation_name  | Lastensuojelu Majakka Oy      |
      | contact_email      | kanta@majakka.example.fi      |
      | service_provision  | purchased_services_for_county |
      | joining_model      | direct                        |
      | vendor_business_id | 2345678-0                     |
      | county_business_id | 4567123-8                     |
    Niin avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | <jarjestelman_nimi>          |
      | system_kind                  | <jarjestelma>                |
      | system_certified             | <sertifioitu>                |
      | system_phase                 | phase_1                      |
      | system_profile               | Vaiheen 1 perustoiminnot     |
      | registry_use_right_supported | ei                           |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1 |
    Niin <seuraavaksi>
    Ja <ajastimet>

    Tapaukset:
      | y_tunnus  | jarjestelman_nimi | jarjestelma                | sertifioitu | seuraavaksi                                                                                                                                                                      | ajastimet        |
      | 2236067-2 | PotilasY          | patient_information_system | kyllä       | prosessi on päättynyt tapahtumaan "Hylätty: potilastietojärjestelmällä ei voi liittyä"                                                                                           | ajastimia ei ole |
      | 2645751-9 | PotilasY          | patient_information_system | ei          | prosessi on päättynyt tapahtumaan "Hylätty: potilastietojärjestelmällä ei voi liittyä"                                                                                           | ajastimia ei ole |
      | 3316624-2 | SosiaaliX         | social_care_client_system  | ei          | avoinna ovat vain tehtävät "Hanki järjestelmälle sertifiointi", jonka tekee järjestelmätoimittaja, ja "Tee valmistelevat tehtävät", jonka tekee palvelunantaja                   | ajastimia ei ole |
      | 3605551-3 | SosiaaliX         | social_care_client_system  | kyllä       | avoinna ovat vain tehtävät "Ota rekisterinkäyttöoikeus-toiminnallisuus käyttöön", jonka tekee järjestelmätoimittaja, ja "Tee valmistelevat tehtävät", jonka tekee palvelunantaja | ajastimia ei ole |

  Tapaus: Sertifioimaton järjestelmä sertifioidaan ensin, ja vaiheen 1 järjestelmään tuodaan rekisterinkäyttöoikeus-toiminnallisuus, jota suoraliittyjän järjestelmässä pitää olla
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 4123105-9
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | 4123105-9                  |
      | organisation_name  | Kotihoito Kaislikko Oy     |
      | contact_email      | kanta@kaislikko.example.fi |
      | service_provision  | self_paying_clients_only   |
      | joining_model      | direct                     |
      | vendor_business_id | 2345678-0                  |
    Niin avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja yrittää tehdä tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                    |
      | system_kind                  | social_care_client_system    |
      | system_certified             | ei                           |
      | system_phase                 | phase_1                      |
      | system_profile               | Vaiheen 1 perustoiminnot     |
      | registry_use_right_supported | kyllä                        |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1 |
    Niin lomake hylätään kentän "registry_use_right_supported" kohdalta
    Ja avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja yrittää tehdä tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                 |
      | system_kind                  | social_care_client_system |
      | system_certified             | ei                        |
      | system_phase                 | phase_1                   |
      | system_profile               | Vaiheen 1 perustoiminnot  |
      | registry_use_right_supported | ei                        |
      | access_point_oid             | 2.16.840.1.113883         |
    Niin lomake hylätään kentän "access_point_oid" kohdalta
    Ja avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                    |
      | system_kind                  | social_care_client_system    |
      | system_certified             | ei                           |
      | system_phase                 | phase_1                      |
      | system_profile               | Vaiheen 1 perustoiminnot     |
      | registry_use_right_supported | ei                           |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna ovat vain tehtävät "Hanki järjestelmälle sertifiointi", jonka tekee järjestelmätoimittaja, ja "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid | kyllä              |
      | security_plan_date     | tänään - 1 viikkoa |
    Niin avoinna ovat vain tehtävät "Hanki järjestelmälle sertifiointi", jonka tekee järjestelmätoimittaja, ja "Ilmoita organisaatio käyttöönottoon", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ilmoita organisaatio käyttöönottoon" tiedoilla:
      | registered_on  | tänään        |
      | contact_person | Liisa Kaisla  |
    Niin avoinna ovat vain tehtävät "Hanki järjestelmälle sertifiointi", jonka tekee järjestelmätoimittaja, ja "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | technical_preparation_done | kyllä |
      | recording_practices_agreed | kyllä |
      | staff_competence_ensured   | kyllä |
    Niin avoinna on vain tehtävä "Hanki järjestelmälle sertifiointi", jonka tekee järjestelmätoimittaja
    Ja vaihetta "Tee liittymishakemus Kanta Ekstranetissä" ei ole tehty
    Kun järjestelmätoimittaja yrittää tehdä tehtävän "Hanki järjestelmälle sertifiointi" tiedoilla:
      | certified_on               | tänään |
      | listed_in_valvira_register | ei     |
    Niin lomake hylätään kentän "listed_in_valvira_register" kohdalta
    Ja avoinna on vain tehtävä "Hanki järjestelmälle sertifiointi", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Hanki järjestelmälle sertifiointi" tiedoilla:
      | certified_on               | tänään |
      | listed_in_valvira_register | kyllä  |
    Niin avoinna on vain tehtävä "Ota rekisterinkäyttöoikeus-toiminnallisuus käyttöön", jonka tekee järjestelmätoimittaja
    Ja tiedon "system_phase" arvo on phase_1
    Ja vaihe "Hanki järjestelmälle sertifiointi" on tehty kerran
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja yrittää tehdä tehtävän "Ota rekisterinkäyttöoikeus-toiminnallisuus käyttöön" tiedoilla:
      | function_in_use_on           | tänään  |
      | system_phase                 | phase_1 |
      | registry_use_right_supported | kyllä   |
    Niin lomake hylätään kentän "system_phase" kohdalta
    Ja avoinna on vain tehtävä "Ota rekisterinkäyttöoikeus-toiminnallisuus käyttöön", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Ota rekisterinkäyttöoikeus-toiminnallisuus käyttöön" tiedoilla:
      | function_in_use_on           | tänään  |
      | system_phase                 | phase_2 |
      | registry_use_right_supported | kyllä   |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Ja tiedon "system_phase" arvo on phase_2
    Ja tiedon "registry_use_right_supported" arvo on kyllä
    Ja vaihe "Kuvaa asiakastietojärjestelmä" on tehty kerran
    Ja vaihe "Ota rekisterinkäyttöoikeus-toiminnallisuus käyttöön" on tehty kerran

  Tapaus: Rekisterinkäyttöoikeus-toiminnallisuus tuodaan valmistelujen rinnalla, ja hakemus tehdään päivitetyllä järjestelmällä, vaikka valmistelut valmistuvat vasta sen jälkeen
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 1414214-9
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | 1414214-9                  |
      | organisation_name  | Kotihoito Ruovikko Oy      |
      | contact_email      | kanta@ruovikko.example.fi  |
      | service_provision  | self_paying_clients_only   |
      | joining_model      | direct                     |
      | vendor_business_id | 2345678-0                  |
    Niin avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                    |
      | system_kind                  | social_care_client_system    |
      | system_certified             | kyllä                        |
      | system_phase                 | phase_1                      |
      | system_profile               | Vaiheen 1 perustoiminnot     |
      | registry_use_right_supported | ei                           |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna ovat vain tehtävät "Ota rekisterinkäyttöoikeus-toiminnallisuus käyttöön", jonka tekee järjestelmätoimittaja, ja "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun järjestelmätoimittaja tekee tehtävän "Ota rekisterinkäyttöoikeus-toiminnallisuus käyttöön" tiedoilla:
      | function_in_use_on           | tänään  |
      | system_phase                 | phase_2 |
      | registry_use_right_supported | kyllä   |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Ja vaihetta "Tee liittymishakemus Kanta Ekstranetissä" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid | kyllä              |
      | security_plan_date     | tänään - 1 viikkoa |
    Niin avoinna on vain tehtävä "Ilmoita organisaatio käyttöönottoon", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ilmoita organisaatio käyttöönottoon" tiedoilla:
      | registered_on  | tänään          |
      | contact_person | Ilkka Ruovikko  |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | technical_preparation_done | kyllä |
      | recording_practices_agreed | kyllä |
      | staff_competence_ensured   | kyllä |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Ja tiedon "system_phase" arvo on phase_2
    Ja tiedon "registry_use_right_supported" arvo on kyllä
    Ja vaihe "Kuvaa asiakastietojärjestelmä" on tehty kerran
    Ja vaihetta "Hanki järjestelmälle sertifiointi" ei ole tehty

  Tapaus: Rinnakkaisliittymismallilla aloittava kutsuja antaa hyvinvointialueen Y-tunnuksen, muuten aloitus hylätään
    Kun palvelunantaja yrittää aloittaa prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 4898979-4 tiedoilla:
      | business_id       | 4898979-4                   |
      | organisation_name | Perhekoti Kotiranta Oy      |
      | contact_email     | kanta@kotiranta.example.fi  |
      | joining_model     | parallel                    |
    Niin aloitus hylätään kentän "county_business_id" kohdalta, eikä prosessia aloiteta
    Kun palvelunantaja aloittaa prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 4898979-4 tiedoilla:
      | business_id        | 4898979-4                  |
      | organisation_name  | Perhekoti Kotiranta Oy     |
      | contact_email      | kanta@kotiranta.example.fi |
      | joining_model      | parallel                   |
      | county_business_id | 4567123-8                  |
    Niin avoinna on vain tehtävä "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Ja tiedon "county_business_id" arvo on 4567123-8
    Kun palvelunantaja tekee tehtävän "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | service_provision | self_paying_clients_only |
    Niin avoinna on vain tehtävä "Päätä, tarjoaako hyvinvointialue järjestelmäänsä", jonka tekee hyvinvointialue
    Ja ajastimia ei ole

  Tapausaihio: Rinnakkaisliittymismallin valitseva kertoo, onko sillä oma sertifioitu järjestelmä, eikä sen tarvitse liittyä, jos se tallentaa hyvinvointialueen järjestelmään vain järjestäjän tietoja (vain järjestäjän tietoja: <vain_jarjestajan>)
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | <y_tunnus>                    |
      | organisation_name  | Perhetyö Pilvilinna Oy        |
      | contact_email      | kanta@pilvilinna.example.fi   |
      | service_provision  | purchased_services_for_county |
      | joining_model      | parallel                      |
      | county_business_id | 4567123-8                     |
    Niin lomake hylätään kentän "has_own_certified_system" kohdalta
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id              | <y_tunnus>                    |
      | organisation_name        | Perhetyö Pilvilinna Oy        |
      | contact_email            | kanta@pilvilinna.example.fi   |
      | service_provision        | purchased_services_for_county |
      | joining_model            | parallel                      |
      | has_own_certified_system | ei                            |
      | county_business_id       | 4567123-8                     |
    Niin avoinna on vain tehtävä "Päätä, tarjoaako hyvinvointialue järjestelmäänsä", jonka tekee hyvinvointialue
    Kun hyvinvointialue yrittää tehdä tehtävän "Päätä, tarjoaako hyvinvointialue järjestelmäänsä" tiedoilla:
      | county_name           | Pirkanmaan hyvinvointialue |
      | organiser_business_id | 0737546-2                  |
      | county_offers_system  | kyllä                      |
    Niin lomake hylätään kentän "parallel_joining_requirements_met" kohdalta
    Ja avoinna on vain tehtävä "Päätä, tarjoaako hyvinvointialue järjestelmäänsä", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Päätä, tarjoaako hyvinvointialue järjestelmäänsä" tiedoilla:
      | county_name                       | Pirkanmaan hyvinvointialue |
      | organiser_business_id             | 0737546-2                  |
      | county_offers_system              | kyllä                      |
      | parallel_joining_requirements_met | kyllä                      |
    Niin avoinna on vain tehtävä "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan" tiedoilla:
      | records_only_organiser_data | <vain_jarjestajan> |
      | confirmed_on                | tänään             |
    Niin <seuraavaksi>
    Ja ajastimia ei ole

    Tapaukset:
      | y_tunnus  | vain_jarjestajan | seuraavaksi                                                                                |
      | 4472135-2 | kyllä            | avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja |
      | 4690415-2 | ei               | avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja                                  |

  Tapaus: Rinnakkaisliittyjän omassa järjestelmässä ei vaadita rekisterinkäyttöoikeus-toiminnallisuutta: vaatimus koskee hyvinvointialueen järjestelmää
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 5176381-7
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id              | 5176381-7                     |
      | organisation_name        | Perhetyö Revontuli Oy         |
      | contact_email            | kanta@revontuli.example.fi    |
      | service_provision        | purchased_services_for_county |
      | joining_model            | parallel                      |
      | has_own_certified_system | ei                            |
      | county_business_id       | 4567123-8                     |
      | vendor_business_id       | 2345678-0                     |
    Niin avoinna on vain tehtävä "Päätä, tarjoaako hyvinvointialue järjestelmäänsä", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Päätä, tarjoaako hyvinvointialue järjestelmäänsä" tiedoilla:
      | county_name                       | Pirkanmaan hyvinvointialue |
      | organiser_business_id             | 0737546-2                  |
      | county_offers_system              | kyllä                      |
      | parallel_joining_requirements_met | kyllä                      |
    Niin avoinna on vain tehtävä "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan" tiedoilla:
      | records_only_organiser_data | ei     |
      | confirmed_on                | tänään |
    Niin avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                    |
      | system_kind                  | social_care_client_system    |
      | system_certified             | kyllä                        |
      | system_phase                 | phase_1                      |
      | system_profile               | Vaiheen 1 perustoiminnot     |
      | registry_use_right_supported | ei                           |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Ja tiedon "joining_model" arvo on parallel
    Ja tiedon "registry_use_right_supported" arvo on ei
    Ja vaihetta "Ota rekisterinkäyttöoikeus-toiminnallisuus käyttöön" ei ole tehty
    Ja ajastimia ei ole

  Tapausaihio: Rinnakkaisliittymismallin valinta omasta sertifioidusta järjestelmästä huolimatta vahvistetaan erikseen, ja kun hyvinvointialue ei tarjoa järjestelmäänsä, palvelunantaja valitsee suora- tai yhteisliittymisen (<malli>)
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id              | <y_tunnus>                    |
      | organisation_name        | Vammaispalvelu Virta Oy       |
      | contact_email            | kanta@virta.example.fi        |
      | service_provision        | purchased_services_for_county |
      | joining_model            | parallel                      |
      | has_own_certified_system | kyllä                         |
      | county_business_id       | 4567123-8                     |
    Niin lomake hylätään kentän "parallel_model_despite_own_system" kohdalta
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id                       | <y_tunnus>                    |
      | organisation_name                 | Vammaispalvelu Virta Oy       |
      | contact_email                     | kanta@virta.example.fi        |
      | service_provision                 | purchased_services_for_county |
      | joining_model                     | parallel                      |
      | has_own_certified_system          | kyllä                         |
      | parallel_model_despite_own_system | kyllä                         |
      | county_business_id                | 4567123-8                     |
    Niin avoinna on vain tehtävä "Päätä, tarjoaako hyvinvointialue järjestelmäänsä", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Päätä, tarjoaako hyvinvointialue järjestelmäänsä" tiedoilla:
      | county_name           | Keski-Suomen hyvinvointialue |
      | organiser_business_id | 0737546-2                    |
      | county_offers_system  | ei                           |
    Niin avoinna on vain tehtävä "Valitse toinen liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Valitse toinen liittymismalli" tiedoilla:
      | joining_model      | parallel  |
      | vendor_business_id | 2345678-0 |
    Niin lomake hylätään kentän "joining_model" kohdalta
    Ja avoinna on vain tehtävä "Valitse toinen liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse toinen liittymismalli" tiedoilla:
      | joining_model      | <malli>   |
      | vendor_business_id | 2345678-0 |
    Niin avoinna on vain tehtävä "<seuraava_tehtava>", jonka tekee <osapuoli>
    Ja vaihe "Päätä, tarjoaako hyvinvointialue järjestelmäänsä" on tehty kerran
    Ja vaihetta "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan" ei ole tehty
    Ja ajastimia ei ole

    Tapaukset:
      | y_tunnus  | malli        | seuraava_tehtava                             | osapuoli              |
      | 4898979-4 | direct       | Kuvaa asiakastietojärjestelmä                | järjestelmätoimittaja |
      | 5099019-6 | joint_member | Sovi yhteisliittymisestä pääliittyjän kanssa | palvelunantaja        |

  Tapaus: Ostopalveluja tuottava palvelunantaja liittyy suoraan: hylätty hakemus korjataan ja epäonnistunut koe uusitaan, hyvinvointialue sitoutuu avaamaan rekisterinkäyttöoikeuden palvelun myöntämisen yhteydessä, ja asiakirjat tallennetaan sen rekisteriin
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 5291502-6
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | 5291502-7                     |
      | organisation_name  | Vanhuspalvelu Kotisatama Oy   |
      | contact_email      | kanta@kotisatama.example.fi   |
      | service_provision  | purchased_services_for_county |
      | joining_model      | direct                        |
      | vendor_business_id | 2345678-0                     |
      | county_business_id | 4567123-8                     |
    Niin lomake hylätään kentän "business_id" kohdalta
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | 5291502-6                     |
      | organisation_name  | Vanhuspalvelu Kotisatama Oy   |
      | contact_email      | kanta@kotisatama.example.fi   |
      | service_provision  | purchased_services_for_county |
      | joining_model      | direct                        |
      | vendor_business_id | 2345678-0                     |
      | county_business_id | 4567123-8                     |
    Niin avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Ja vaihetta "Sovi yhteisliittymisestä pääliittyjän kanssa" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                                        |
      | system_kind                  | social_care_client_system                        |
      | system_certified             | kyllä                                            |
      | system_phase                 | phase_2                                          |
      | system_profile               | Sosiaalihuollon asiakastietojärjestelmä, vaihe 2 |
      | registry_use_right_supported | kyllä                                            |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1                     |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid  | kyllä              |
      | security_plan_date      | tänään - 2 viikkoa |
    Niin avoinna on vain tehtävä "Ilmoita organisaatio käyttöönottoon", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ilmoita organisaatio käyttöönottoon" tiedoilla:
      | registered_on  | tänään        |
      | contact_person | Anna Virtanen |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | technical_preparation_done | kyllä |
      | recording_practices_agreed | kyllä |
      | staff_competence_ensured   | kyllä |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | application_date      | tänään                       |
      | applicant_business_id | 5291502-6                    |
      | system_name           | SosiaaliX                    |
      | access_point_oid      | 1.2.246.537.6.918.18.10.13.1 |
      | registrar_oid         | 1.2.246.10.52915026.10.0     |
    Niin odotetaan viestiä "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen" tiedoilla:
      | decision      | rejected                                         |
      | decision_note | Rekisterinpitäjän OID puuttuu koodistopalvelusta |
    Niin avoinna on vain tehtävä "Korjaa hakemus", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Korjaa hakemus" tiedoilla:
      | correction   | Rekisterinpitäjän OID päivitetty koodistopalveluun |
      | corrected_on | tänään                                             |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | application_date      | tänään                       |
      | applicant_business_id | 5291502-6                    |
      | system_name           | SosiaaliX                    |
      | access_point_oid      | 1.2.246.537.6.918.18.10.13.1 |
      | registrar_oid         | 1.2.246.10.52915026.10.0     |
    Niin odotetaan viestiä "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date | tänään |
      | result    | failed |
    Niin avoinna on vain tehtävä "Korjaa kokeen virhe", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa kokeen virhe" tiedoilla:
      | fault    | Palvelinvarmenne puuttui liityntäpisteestä |
      | fixed_on | tänään                                     |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date | tänään |
      | result    | passed |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Ja odottavia ajastimia on 1
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Sosiaalihuollon asiakastietovaranto käytössä"
    Ja vaihe "Kerro hyvinvointialueelle: tietovaranto käytössä" on tehty kerran
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihe "Korjaa hakemus" on tehty kerran
    Ja vaihe "Korjaa kokeen virhe" on tehty kerran
    Ja prosessi "Hyvinvointialueen rekisterinkäyttöoikeus palveluntuottajalle" on alkanut Y-tunnukselle 5291502-6, ja tapaus seuraa sitä
    Ja avoinna ovat vain tehtävät "Vahvista rekisterinkäyttöoikeuden edellytykset", jonka tekee hyvinvointialue, ja "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Ja prosessi on käynnissä
    Kun hyvinvointialue tekee tehtävän "Vahvista rekisterinkäyttöoikeuden edellytykset" tiedoilla:
      | organiser_joined                             | kyllä |
      | organiser_system_supports_registry_use_right | kyllä |
    Niin avoinna ovat vain tehtävät "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä", jonka tekee hyvinvointialue, ja "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun hyvinvointialue yrittää tehdä tehtävän "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä" tiedoilla:
      | opens_right_when_granting_service | ei     |
      | committed_on                      | tänään |
    Niin lomake hylätään kentän "opens_right_when_granting_service" kohdalta
    Ja avoinna ovat vain tehtävät "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä", jonka tekee hyvinvointialue, ja "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun hyvinvointialue tekee tehtävän "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä" tiedoilla:
      | opens_right_when_granting_service | kyllä  |
      | committed_on                      | tänään |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                                       |
      | palvelunantaja | Sovi asiakirjojen tallentamisesta suoraan järjestäjän rekisteriin             |
      | palvelunantaja | Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista |
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Sovi asiakirjojen tallentamisesta suoraan järjestäjän rekisteriin" tiedoilla:
      | documents_into_organisers_register | kyllä  |
      | register_storage_agreed_on         | tänään |
    Niin avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Ja prosessi on käynnissä
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | into_organisers_register |
      | client_rights_agreed | kyllä                    |
      | agreed_on            | tänään                   |
    Niin lomake hylätään kentän "delivery_method" kohdalta
    Ja avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | secure_email |
      | client_rights_agreed | kyllä        |
      | agreed_on            | tänään       |
    Niin prosessi on päättynyt tapahtumiin:
      | Asiakirjojen toimittamisesta sovittu                               |
      | Hyvinvointialueen rekisteriin tallentamisesta päätetty             |
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihe "Sovi asiakirjojen tallentamisesta suoraan järjestäjän rekisteriin" on tehty kerran
    Ja vaihe "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" on tehty kerran

  Tapausaihio: Järjestäjän rekisteriin tallentaminen tarjotaan vasta, kun järjestäjä on liittynyt ja sen järjestelmä tukee rekisterinkäyttöoikeutta; asiakirjojen toimittamisesta ja asiakkaan oikeuksista sovitaan aina (järjestäjä liittynyt: <liittynyt>, järjestäjän järjestelmä: <jarjestajan_tuki>)
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | <y_tunnus>                    |
      | organisation_name  | Asumispalvelu Satakieli Oy    |
      | contact_email      | kanta@satakieli.example.fi    |
      | service_provision  | purchased_services_for_county |
      | joining_model      | direct                        |
      | vendor_business_id | 2345678-0                     |
      | county_business_id | 4567123-8                     |
    Niin avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                               |
      | system_kind                  | social_care_client_system               |
      | system_certified             | kyllä                                   |
      | system_phase                 | phase_2                                 |
      | system_profile               | Sosiaalihuollon asiakastietojärjestelmä |
      | registry_use_right_supported | kyllä                                   |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1            |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid  | kyllä              |
      | security_plan_date      | tänään - 1 viikkoa |
    Niin avoinna on vain tehtävä "Ilmoita organisaatio käyttöönottoon", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ilmoita organisaatio käyttöönottoon" tiedoilla:
      | registered_on  | tänään      |
      | contact_person | Mikko Laine |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | technical_preparation_done | kyllä |
      | recording_practices_agreed | kyllä |
      | staff_competence_ensured   | kyllä |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | application_date      | tänään                       |
      | applicant_business_id | <y_tunnus>                   |
      | system_name           | SosiaaliX                    |
      | access_point_oid      | 1.2.246.537.6.918.18.10.13.1 |
      | registrar_oid         | 1.2.246.10.12345671.10.0     |
    Niin odotetaan viestiä "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date | tänään |
      | result    | passed |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Sosiaalihuollon asiakastietovaranto käytössä"
    Ja vaihe "Kerro hyvinvointialueelle: tietovaranto käytössä" on tehty kerran
    Ja vaihetta "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" ei ole tehty
    Ja prosessi "Hyvinvointialueen rekisterinkäyttöoikeus palveluntuottajalle" on alkanut Y-tunnukselle <y_tunnus>, ja tapaus seuraa sitä
    Ja avoinna ovat vain tehtävät "Vahvista rekisterinkäyttöoikeuden edellytykset", jonka tekee hyvinvointialue, ja "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun hyvinvointialue tekee tehtävän "Vahvista rekisterinkäyttöoikeuden edellytykset" tiedoilla:
      | organiser_joined                             | <liittynyt>        |
      | organiser_system_supports_registry_use_right | <jarjestajan_tuki> |
    Niin avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Ja prosessi on käynnissä
    Ja vaihetta "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä" ei ole tehty
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | into_organisers_register |
      | client_rights_agreed | kyllä                    |
      | agreed_on            | tänään                   |
    Niin lomake hylätään kentän "delivery_method" kohdalta
    Ja avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | <toimitustapa> |
      | client_rights_agreed | ei             |
      | agreed_on            | tänään         |
    Niin lomake hylätään kentän "client_rights_agreed" kohdalta
    Ja avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | <toimitustapa> |
      | client_rights_agreed | kyllä          |
      | agreed_on            | tänään         |
    Niin prosessi on päättynyt tapahtumiin:
      | Asiakirjojen toimittamisesta sovittu              |
      | Rekisterinkäyttöoikeuden edellytykset eivät täyty |
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihe "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" on tehty kerran
    Ja vaihetta "Sovi asiakirjojen tallentamisesta suoraan järjestäjän rekisteriin" ei ole tehty

    Tapaukset:
      | y_tunnus  | liittynyt | jarjestajan_tuki | toimitustapa     |
      | 5830951-0 | ei        | kyllä            | secure_email     |
      | 6000000-2 | kyllä     | ei               | other_electronic |
      | 5656854-3 | ei        | ei               | paper            |

  Tapaus: Yhteisliittyjä sopii pääliittyjän kanssa eikä hae itse, koska vain pääliittyjä hakee liittymistä, mutta hyvinvointialueen ostopalveluja tuottaessaan se sopii järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 6480740-1
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | 6480740-1                     |
      | organisation_name  | Sosionomi Helmi Koskinen      |
      | contact_email      | helmi.koskinen@example.fi     |
      | service_provision  | purchased_services_for_county |
      | joining_model      | joint_member                  |
      | vendor_business_id | 2345678-0                     |
      | county_business_id | 4567123-8                     |
    Niin avoinna on vain tehtävä "Sovi yhteisliittymisestä pääliittyjän kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa" tiedoilla:
      | main_joiner_business_id                   | 1234567-2                       |
      | main_joiner_name                          | Sosiaalipalvelut Pääliittyjä Oy |
      | agreement_date                            | tänään                          |
      | security_plan                             | main_joiner_plan_covers_us      |
      | main_joiner_system_has_registry_use_right | kyllä                           |
    Niin lomake hylätään kentän "main_joiner_business_id" kohdalta
    Ja avoinna on vain tehtävä "Sovi yhteisliittymisestä pääliittyjän kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa" tiedoilla:
      | main_joiner_business_id                   | 1234567-1                       |
      | main_joiner_name                          | Sosiaalipalvelut Pääliittyjä Oy |
      | agreement_date                            | tänään                          |
      | security_plan                             | main_joiner_plan_covers_us      |
      | main_joiner_system_has_registry_use_right | ei                              |
    Niin lomake hylätään kentän "main_joiner_system_has_registry_use_right" kohdalta
    Ja avoinna on vain tehtävä "Sovi yhteisliittymisestä pääliittyjän kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa" tiedoilla:
      | main_joiner_business_id                   | 1234567-1                       |
      | main_joiner_name                          | Sosiaalipalvelut Pääliittyjä Oy |
      | agreement_date                            | tänään                          |
      | security_plan                             | main_joiner_plan_covers_us      |
      | main_joiner_system_has_registry_use_right | kyllä                           |
    Niin avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Ja vaihetta "Liittyy pääliittyjän kautta: vain pääliittyjä tekee hakemuksen" ei ole tehty
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | secure_email |
      | client_rights_agreed | kyllä        |
      | agreed_on            | tänään       |
    Niin prosessi on päättynyt tapahtumaan "Liittyy pääliittyjän kautta: vain pääliittyjä tekee hakemuksen"
    Ja avoimia tehtäviä ei ole
    Ja viestejä ei odoteta
    Ja ajastimia ei ole
    Ja vaihe "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" on tehty kerran
    Ja vaihetta "Vahvista rekisterinkäyttöoikeuden edellytykset" ei ole tehty
    Ja vaihetta "Kuvaa asiakastietojärjestelmä" ei ole tehty
    Ja vaihetta "Tee liittymishakemus Kanta Ekstranetissä" ei ole tehty
    Ja vaihetta "Sosiaalihuollon asiakastietovaranto käytössä" ei ole tehty

  Tapaus: Vain itse maksavia asiakkaita palveleva yhteisliittyjä ei tuota palveluja järjestäjän lukuun, joten sen käyttöönotto päättyy sopimukseen pääliittyjän kanssa
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 5627401-9
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | 5627401-9                |
      | organisation_name  | Sosionomi Aino Lehtinen  |
      | contact_email      | aino.lehtinen@example.fi |
      | service_provision  | self_paying_clients_only |
      | joining_model      | joint_member             |
      | vendor_business_id | 2345678-0                |
    Niin avoinna on vain tehtävä "Sovi yhteisliittymisestä pääliittyjän kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa" tiedoilla:
      | main_joiner_business_id                   | 1234567-1                       |
      | main_joiner_name                          | Sosiaalipalvelut Pääliittyjä Oy |
      | agreement_date                            | tänään                          |
      | security_plan                             | main_joiner_plan_covers_us      |
      | main_joiner_system_has_registry_use_right | kyllä                           |
    Niin prosessi on päättynyt tapahtumaan "Liittyy pääliittyjän kautta: vain pääliittyjä tekee hakemuksen"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihetta "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" ei ole tehty
    Ja vaihetta "Sosiaalihuollon asiakastietovaranto käytössä" ei ole tehty

  Tapaus: Rinnakkaisliittyjä, joka kirjaa hyvinvointialueen järjestelmään vain järjestäjän tietoja, ei liity itse, mutta sopii järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 5418303-3
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id              | 5418303-3                     |
      | organisation_name        | Kotihoito Kaarna Oy           |
      | contact_email            | kanta@kaarna.example.fi       |
      | service_provision        | purchased_services_for_county |
      | joining_model            | parallel                      |
      | has_own_certified_system | ei                            |
      | county_business_id       | 4567123-8                     |
    Niin avoinna on vain tehtävä "Päätä, tarjoaako hyvinvointialue järjestelmäänsä", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Päätä, tarjoaako hyvinvointialue järjestelmäänsä" tiedoilla:
      | county_name                       | Pirkanmaan hyvinvointialue |
      | organiser_business_id             | 0737546-2                  |
      | county_offers_system              | kyllä                      |
      | parallel_joining_requirements_met | kyllä                      |
    Niin avoinna on vain tehtävä "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan" tiedoilla:
      | records_only_organiser_data | kyllä  |
      | confirmed_on                | tänään |
    Niin avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Ja vaihetta "Ei omaa liittymistä: tallentaa järjestäjän rekisteriin" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | other_electronic |
      | client_rights_agreed | kyllä            |
      | agreed_on            | tänään           |
    Niin prosessi on päättynyt tapahtumaan "Ei omaa liittymistä: tallentaa järjestäjän rekisteriin"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihe "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" on tehty kerran
    Ja vaihetta "Kuvaa asiakastietojärjestelmä" ei ole tehty
    Ja vaihetta "Sosiaalihuollon asiakastietovaranto käytössä" ei ole tehty

  Tapaus: Vain itse maksavia asiakkaita palveleva palvelunantaja raportoi kokeen myöhässä, jolloin Kela muistuttaa raportista
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 6633249-7
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | 6633249-7                  |
      | organisation_name  | Terapiakoti Tuulensuu Oy   |
      | contact_email      | kanta@tuulensuu.example.fi |
      | service_provision  | self_paying_clients_only   |
      | joining_model      | direct                     |
      | vendor_business_id | 2345678-0                  |
    Niin avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                    |
      | system_kind                  | social_care_client_system    |
      | system_certified             | kyllä                        |
      | system_phase                 | phase_2                      |
      | system_profile               | Vaiheen 2 toiminnot          |
      | registry_use_right_supported | kyllä                        |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid  | kyllä              |
      | security_plan_date      | tänään - 1 viikkoa |
    Niin avoinna on vain tehtävä "Ilmoita organisaatio käyttöönottoon", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ilmoita organisaatio käyttöönottoon" tiedoilla:
      | registered_on  | tänään          |
      | contact_person | Liisa Tuulensuu |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | technical_preparation_done | kyllä |
      | recording_practices_agreed | kyllä |
      | staff_competence_ensured   | kyllä |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | application_date      | tänään                       |
      | applicant_business_id | 6633249-7                    |
      | system_name           | SosiaaliX                    |
      | access_point_oid      | 1.2.246.537.6.918.18.10.13.1 |
      | registrar_oid         | 1.2.246.10.66332497.10.0     |
    Niin odotetaan viestiä "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date | tänään - 1 päivä |
      | result    | passed           |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 2 päivän kuluttua
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                         |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan                 |
      | Kela           | Pyydä puuttuvaa koeraporttia |
    Kun Kela yrittää tehdä tehtävän "Pyydä puuttuvaa koeraporttia" tiedoilla:
      | reminded_on | tänään |
      | channel     | fax    |
    Niin lomake hylätään kentän "channel" kohdalta
    Kun Kela tekee tehtävän "Pyydä puuttuvaa koeraporttia" tiedoilla:
      | reminded_on | tänään |
      | channel     | email  |
    Niin vaihe "Muistutus lähetetty" on tehty
    Ja avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin prosessi on päättynyt tapahtumiin:
      | Muistutus lähetetty                          |
      | Sosiaalihuollon asiakastietovaranto käytössä |
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihetta "Vahvista rekisterinkäyttöoikeuden edellytykset" ei ole tehty

  Tapaus: Julkisen järjestäjän raportti päättää käyttöönoton, vaikka Kelan muistutus on vielä tekemättä
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 6782329-8
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | 6782329-8                     |
      | organisation_name  | Länsirannikon hyvinvointialue |
      | contact_email      | kanta@lansiranta.example.fi   |
      | service_provision  | public_organiser              |
      | joining_model      | direct                        |
      | vendor_business_id | 2345678-0                     |
    Niin avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                                        |
      | system_kind                  | social_care_client_system                        |
      | system_certified             | kyllä                                            |
      | system_phase                 | phase_2                                          |
      | system_profile               | Sosiaalihuollon asiakastietojärjestelmä, vaihe 2 |
      | registry_use_right_supported | kyllä                                            |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1                     |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid  | kyllä               |
      | security_plan_date      | tänään - 4 viikkoa  |
    Niin avoinna on vain tehtävä "Ilmoita organisaatio käyttöönottoon", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ilmoita organisaatio käyttöönottoon" tiedoilla:
      | registered_on  | tänään              |
      | contact_person | Johtaja Pekka Ranta |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | technical_preparation_done | kyllä |
      | recording_practices_agreed | kyllä |
      | staff_competence_ensured   | kyllä |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | application_date      | tänään                       |
      | applicant_business_id | 6782329-8                    |
      | system_name           | SosiaaliX                    |
      | access_point_oid      | 1.2.246.537.6.918.18.10.13.1 |
      | registrar_oid         | 1.2.246.10.67823298.10.0     |
    Niin odotetaan viestiä "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date | tänään - 2 päivää |
      | result    | passed            |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 1 päivän kuluttua
    Kun aikaa on kulunut kolme päivää
    Niin ajastin "Raportin määräaika ylittynyt" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                         |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan                 |
      | Kela           | Pyydä puuttuvaa koeraporttia |
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Sosiaalihuollon asiakastietovaranto käytössä"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihetta "Pyydä puuttuvaa koeraporttia" ei ole tehty
    Ja vaihetta "Vahvista rekisterinkäyttöoikeuden edellytykset" ei ole tehty

  Tapaus: Toisen yksityisen palvelunantajan alihankkijana toimiva palvelunantaja sopii sen kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista ilman järjestäjän rekisteriä, eikä hyvinvointialue vahvista rekisterinkäyttöoikeuden edellytyksiä
    Oletetaan palvelunantajan aloittaneen prosessin "Sosiaalihuollon asiakastietovarannon käyttöönotto" Y-tunnukselle 7071067-3
    Ja avoinna on vain tehtävä "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | 7071067-3                     |
      | organisation_name  | Kotihoiva Alihankinta Oy      |
      | contact_email      | kanta@kotihoiva.example.fi    |
      | service_provision  | services_for_private_provider |
      | joining_model      | direct                        |
      | vendor_business_id | 2345678-0                     |
    Niin avoinna on vain tehtävä "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                                        |
      | system_kind                  | social_care_client_system                        |
      | system_certified             | kyllä                                            |
      | system_phase                 | phase_2                                          |
      | system_profile               | Sosiaalihuollon asiakastietojärjestelmä, vaihe 2 |
      | registry_use_right_supported | kyllä                                            |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1                     |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid  | kyllä               |
      | security_plan_date      | tänään - 4 viikkoa  |
    Niin avoinna on vain tehtävä "Ilmoita organisaatio käyttöönottoon", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ilmoita organisaatio käyttöönottoon" tiedoilla:
      | registered_on  | tänään              |
      | contact_person | Johtaja Aino Lehto  |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | technical_preparation_done | kyllä |
      | recording_practices_agreed | kyllä |
      | staff_competence_ensured   | kyllä |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | application_date      | tänään                       |
      | applicant_business_id | 7071067-3                    |
      | system_name           | SosiaaliX                    |
      | access_point_oid      | 1.2.246.537.6.918.18.10.13.1 |
      | registrar_oid         | 1.2.246.10.70710673.10.0     |
    Niin odotetaan viestiä "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date | tänään            |
      | result    | passed            |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | into_organisers_register |
      | agreed_on            | tänään                   |
      | client_rights_agreed | kyllä                    |
    Niin lomake hylätään kentän "delivery_method" kohdalta
    Ja avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | secure_email |
      | agreed_on            | tänään       |
      | client_rights_agreed | kyllä        |
    Niin prosessi on päättynyt tapahtumaan "Sosiaalihuollon asiakastietovaranto käytössä"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihe "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" on tehty kerran
    Ja vaihetta "Vahvista rekisterinkäyttöoikeuden edellytykset" ei ole tehty

  Tapaus: Liittymisen kutsumana käyttöönotto aloittaa omat vaiheensa liittymisen valmistelujen rinnalla, ei kysy uudelleen rekisteritietoja ja tietoturvasuunnitelmaa ja odottaa niitä vasta ennen ilmoittautumista käyttöönottoon
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 1618039-2
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Kotihoito Kielo Oy |
      | business_id          | 1618039-2          |
      | organisation_kind    | private_provider   |
      | licence              | social             |
      | system_kind          | client_system      |
      | writes_prescriptions | ei                 |
      | vendor_business_id   | 2345678-0          |
    Niin tiedon "social_welfare_repository_required" arvo on kyllä
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja käyttöönotto odottaa liittymisen valmisteluja
    Kun palvelunantaja tekee tehtävän "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | service_provision  | self_paying_clients_only |
      | vendor_business_id | 2345678-0                |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | SosiaaliX                                        |
      | system_kind                  | social_care_client_system                        |
      | system_certified             | kyllä                                            |
      | system_phase                 | phase_2                                          |
      | system_profile               | Sosiaalihuollon asiakastietojärjestelmä, vaihe 2 |
      | registry_use_right_supported | kyllä                                            |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1                     |
    Niin avoinna on vain tehtävä "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja
    Ja käyttöönotto odottaa liittymisen valmisteluja
    Ja vaihetta "Tee valmistelevat tehtävät" ei ole tehty
    Ja vaihetta "Ilmoita organisaatio käyttöönottoon" ei ole tehty
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.16180392.10.0   |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoinna on vain tehtävä "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja
    Ja käyttöönotto odottaa liittymisen valmisteluja
    Kun palvelunantaja tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin avoinna on vain tehtävä "Ilmoita organisaatio käyttöönottoon", jonka tekee palvelunantaja
    Ja mikään käyttöönotto ei odota liittymisen valmisteluja
    Ja vaihe "Valmistelut tehty: käyttöönotot voivat hakea" on tehty kerran
    Ja vaihe "Liittymisen valmistelut tehty" on tehty kerran
    Ja historiassa ei ole valmistelujen valmistumista, jota kukaan ei odottanut
    Ja vaihetta "Tee valmistelevat tehtävät" ei ole tehty
    Ja vaihetta "Vahvista sertifioitu järjestelmä ja liityntäpiste" ei ole tehty
    Ja vaihe "Kuvaa asiakastietojärjestelmä" on tehty kerran
    Ja prosessi on käynnissä
