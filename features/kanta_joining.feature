# language: fi
Ominaisuus: Kanta-palveluihin liittyminen
  In English: the entry point for a social- or health-care organisation that joins the Kanta services
  (seeds 000–003). The service provider enters its organisation data: kind of organisation, licence,
  information system in use and whether it writes prescriptions. A decision table says, from the law, which Kanta
  services the organisation must join: the Patient Data Repository, the Social Welfare Client Data
  Repository and the Prescription service; an organisation with no obligation is done. Otherwise the provider
  first chooses the joining model, and then the preparations every joiner needs run in parallel: the provider's
  system checks its entries in THL's SOTE organisation register or Valvira's IAH
  code set, a service task the provider's worker does by asking THL's code service (invalid entries: the
  Licensing and Supervisory Agency, formerly AVI, corrects the licence data and THL publishes the corrected
  entry), while the system vendor confirms the certified system and access point (not for a joint member,
  which makes no application) and a provider that archives client or patient data electronically (joins a
  repository) writes its information security plan (a tenant
  practitioner first agrees on it with the company); none of the three waits for another. A member of a joint joining makes these preparations and, beside them, only
  agrees with its main joiner on joining through it (neither waits for the other), and the main joiner applies; for a direct joiner or a
  main joiner the preparations run beside the onboarding of each obligatory service, each its own
  application with Kela's decision of its own: the Patient Data Repository, the Prescription service and
  the Social Welfare Client Data Repository. Health care has no transition period, so the preparations and
  the onboardings' own first steps (the vendor contact, its instructions, the preparatory tasks, which do
  not ask again what the joining checks) start at once (seed 001); only the applications wait for the
  preparations, which the joining tells the Patient Data Repository and Prescription onboardings by a
  message. The social-care onboarding opens beside them too and waits for the same message only before it
  registers for the deployment; when it ends before the preparations are done (no own joining, through a main
  joiner, a patient system refused), the preparations are still finished and the history records that no one
  waited for them any more. Beside them a health-care provider
  settles its health-care commitment once, which holds none of them back and which the onboardings do not
  ask again (a pharmacy and a provider with only a social-care licence are not asked it); the joining ends when all are done. A patient information system can not be used for the social-care repository
  (seed 002): when the organisation's own data shows only a patient system, that is said at once; the
  joining ends there when nothing else is obligatory, and otherwise the other onboardings go on and the
  social-care onboarding is skipped. When the social-care onboarding itself finds a patient system, it
  refuses it. Either way the joining ends as not joined: a certified social-care client system is needed.

  Palvelunantaja antaa organisaationsa tiedot: organisaation lajin, luvan, käytössä olevan
  tietojärjestelmän ja sen, määrääkö se lääkkeitä. Päätöstaulu ratkaisee lain perusteella, mihin Kanta-palveluihin
  organisaation on liityttävä: Potilastietovarantoon, Sosiaalihuollon asiakastietovarantoon ja
  Resepti-palveluun. Jos velvoitetta ei ole, prosessi päättyy. Muuten palvelunantaja
  valitsee ensin liittymismallin, ja sitten jokaisen liittyjän valmistelut kulkevat rinnakkain: palvelunantajan järjestelmä tarkistaa
  merkinnät THL:n SOTE-organisaatiorekisterissä tai Valviran IAH-koodistossa (virheelliset tiedot korjaa Lupa- ja
  valvontavirasto, ent. AVI, ja THL
  julkaisee korjatun merkinnän), samaan aikaan kun järjestelmätoimittaja vahvistaa sertifioidun
  järjestelmän ja liityntäpisteen (ei yhteisliittyjälle, joka ei tee hakemusta, eikä kun kutsutaan vain
  sosiaalihuollon käyttöönotto: sen järjestelmätoimittaja kuvaa järjestelmän siellä, kerran) ja palvelunantaja,
  joka arkistoi asiakas- tai potilastietoja sähköisesti (liittyy tietovarantoon), laatii tietoturvasuunnitelman
  (vuokralaisena toimiva ammatinharjoittaja sopii siitä ensin yrityksen kanssa; apteekki tai pelkkä lääkkeen
  määrääjä ilman sähköistä järjestelmää ei laadi); mikään näistä ei odota toista. Yhteisliittymisen
  jäsen tekee valmistelut ja sopii niiden rinnalla vain pääliittyjän kanssa liittymisestä sen kautta (kumpikaan ei
  odota toista; sosiaalihuollon yhteisliittyjä varmistaa samalla, että pääliittyjän järjestelmässä on
  rekisterinkäyttöoikeus-toiminnallisuus), ja pääliittyjä tekee hakemuksen; suoraan liittyvällä tai pääliittyjällä
  valmistelut kulkevat jokaisen pakollisen palvelun käyttöönoton rinnalla, kunkin omana hakemuksenaan,
  johon Kela antaa oman päätöksensä: Potilastietovaranto, Resepti-palvelu ja Sosiaalihuollon
  asiakastietovaranto. Terveydenhuollossa ei ole siirtymäaikoja, joten valmistelut ja käyttöönottojen omat
  ensimmäiset vaiheet (yhteydenotto järjestelmätoimittajaan, sen ohjeet ja valmistelevat tehtävät, joissa
  ei kysytä uudelleen liittymisen tarkistamia tietoja) alkavat viipymättä; vain hakemukset odottavat
  valmisteluja, joiden valmistumisesta liittyminen kertoo viestillä Potilastietovarannon ja
  Resepti-palvelun käyttöönotoille. Sosiaalihuollon käyttöönotto avautuu samalla tavalla valmistelujen
  rinnalla ja odottaa samaa viestiä vasta ennen ilmoittautumista käyttöönottoon; jos se päättyy ennen kuin
  valmistelut on tehty (ei omaa liittymistä, pääliittyjän kautta tai potilastietojärjestelmä hylätty), valmistelut
  tehdään silti loppuun, ja historiaan kirjataan, ettei kukaan enää odottanut niitä. Jos se kuitenkin hylkää
  potilastietojärjestelmän eikä muuta pakollista palvelua ole, liittyminen päättyy heti: hakemusta ei tehdä, joten
  kesken olevat valmistelut raukeavat. Niiden rinnalla terveydenhuollon palvelunantaja
  selvittää kerran terveydenhuollon sitoumuksen: se ei pidättele yhtäkään käyttöönottoa, eivätkä
  käyttöönotot kysy sitä uudelleen. Apteekilta ja pelkän sosiaalihuollon luvan palvelunantajalta sitä ei
  kysytä. Liittyminen päättyy, kun kaikki ovat valmiit.
  Potilastietojärjestelmällä ei voi liittyä Sosiaalihuollon asiakastietovarantoon. Jos organisaation omista
  tiedoista näkyy, että sillä on vain potilastietojärjestelmä, asia todetaan heti: jos muuta velvoitetta ei
  ole, liittyminen päättyy siihen, ja muuten muut käyttöönotot jatkuvat ja sosiaalihuollon käyttöönotto
  jätetään väliin. Jos vasta sosiaalihuollon käyttöönotossa selviää, että järjestelmä on
  potilastietojärjestelmä, käyttöönotto hylkää sen. Kummassakin tapauksessa Sosiaalihuollon
  asiakastietovarantoon ei liitytä: ensin tarvitaan sertifioitu sosiaalihuollon asiakastietojärjestelmä.

  Tapausaihio: Päätöstaulu velvoittaa liittymään: <sääntö>
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | <nimi>             |
      | business_id          | <y_tunnus>         |
      | organisation_kind    | <laji>             |
      | tenant_of_company    | ei                 |
      | licence              | <lupa>             |
      | system_kind          | <järjestelmä>      |
      | writes_prescriptions | <määrää>           |
      | contact_email        | kanta@esimerkki.fi |
      | vendor_business_id   | 2345678-0          |
    Niin tiedon "patient_data_repository_required" arvo on <potilastieto>
    Ja tiedon "social_welfare_repository_required" arvo on <sosiaalihuolto>
    Ja tiedon "prescription_service_required" arvo on <resepti>
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Ja vaihetta "Tarkista rekisteritiedot" ei ole tehty
    Ja prosessi on käynnissä

    Tapaukset:
      | sääntö                                                                  | y_tunnus  | nimi                        | laji                     | lupa              | järjestelmä                | määrää | potilastieto | sosiaalihuolto | resepti |
      | apteekki liittyy Resepti-palveluun                                              | 1234567-1 | Apteekki Kielo              | pharmacy                 | none              | none                       | ei     | ei           | ei             | kyllä   |
      | sosiaali- ja terveydenhuolto potilasjärjestelmällä, määrää lääkkeitä    | 2345678-0 | Terveystalo Aurora Oy       | private_provider         | health_and_social | patient_system             | kyllä  | kyllä        | kyllä          | kyllä   |
      | sosiaali- ja terveydenhuolto molemmilla järjestelmillä                  | 4567890-7 | Pohjolan hyvinvointialue    | public_provider          | health_and_social | patient_and_client_systems | ei     | kyllä        | kyllä          | ei      |
      | sosiaali- ja terveydenhuolto asiakasjärjestelmällä, määrää lääkkeitä    | 5678901-2 | Hoiva- ja lääkäripalvelu Oy | private_provider         | health_and_social | client_system              | kyllä  | ei           | kyllä          | kyllä   |
      | sosiaali- ja terveydenhuolto vain asiakasjärjestelmällä                 | 6789012-4 | Palvelukoti Kuusi Oy        | private_provider         | health_and_social | client_system              | ei     | ei           | kyllä          | ei      |
      | terveydenhuolto potilasjärjestelmällä, määrää lääkkeitä                 | 7890123-9 | Lääkärikeskus Aurora Oy     | private_provider         | health            | patient_system             | kyllä  | kyllä        | ei             | kyllä   |
      | terveydenhuolto molemmilla järjestelmillä                               | 8901234-9 | Fysioterapia Liike Oy       | private_provider         | health            | patient_and_client_systems | ei     | kyllä        | ei             | ei      |
      | itsenäinen ammatinharjoittaja, määrää lääkkeitä                         | 1122334-9 | Lääkäri Aino Virtanen       | independent_practitioner | none              | patient_system             | kyllä  | kyllä        | ei             | kyllä   |
      | itsenäinen ammatinharjoittaja potilas- ja asiakastietojärjestelmällä    | 2233445-8 | Psykoterapeutti Eero Laine  | independent_practitioner | none              | patient_and_client_systems | ei     | kyllä        | kyllä          | ei      |
      | sosiaalihuolto asiakasjärjestelmällä, määrää lääkkeitä                  | 3344556-7 | Päihdepalvelu Selkeä Oy     | private_provider         | social            | client_system              | kyllä  | ei           | kyllä          | kyllä   |
      | lääkkeiden määrääjä ilman arkistovelvoitetta                            | 5566778-5 | Työterveys Verso Oy         | private_provider         | none              | none                       | kyllä  | ei           | ei             | kyllä   |
      | terveydenhuolto asiakasjärjestelmällä, määrää lääkkeitä                 | 6677889-4 | Kuntoutus Kaari Oy          | private_provider         | health            | client_system              | kyllä  | kyllä        | ei             | kyllä   |
      | terveydenhuolto asiakastietojärjestelmällä                              | 3141590-3 | Hierontapalvelu Vire Oy     | private_provider         | health            | client_system              | ei     | kyllä        | ei             | ei      |
      | itsenäinen ammatinharjoittaja asiakastietojärjestelmällä                | 3141591-1 | Sosionomi Liisa Aho         | independent_practitioner | none              | client_system              | ei     | ei           | kyllä          | ei      |
      | yritys ilman kirjattua lupaa, potilastietojärjestelmä                   | 3141593-8 | Vastaanotto Lumo Oy         | private_provider         | none              | patient_system             | ei     | kyllä        | ei             | ei      |
      | yritys ilman kirjattua lupaa, asiakastietojärjestelmä, määrää lääkkeitä | 3141594-6 | Hoivapalvelu Kaste Oy       | private_provider         | none              | client_system              | kyllä  | ei           | kyllä          | kyllä   |
      | sosiaalihuolto molemmilla järjestelmillä                                | 3141595-4 | Perhepalvelu Silta Oy       | private_provider         | social            | patient_and_client_systems | ei     | ei           | kyllä          | ei      |

  Tapausaihio: Ilman sähköistä asiakas- tai potilastietojärjestelmää ja lääkkeiden määräämistä ei ole velvoitetta: <tapaus>
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | <nimi>        |
      | business_id          | <y_tunnus>    |
      | organisation_kind    | <laji>        |
      | tenant_of_company    | ei            |
      | licence              | <lupa>        |
      | system_kind          | <järjestelmä> |
      | writes_prescriptions | ei            |
      | vendor_business_id   | 2345678-0     |
    Niin prosessi on päättynyt tapahtumaan "Ei liittymisvelvoitetta"
    Ja tiedon "patient_data_repository_required" arvo on ei
    Ja tiedon "social_welfare_repository_required" arvo on ei
    Ja tiedon "prescription_service_required" arvo on ei
    Ja avoimia tehtäviä ei ole

    Tapaukset:
      | tapaus                                             | y_tunnus  | nimi                      | laji                     | lupa   | järjestelmä |
      | sosiaalihuolto ilman sähköistä asiakasjärjestelmää | 7788990-1 | Perhekoti Pihlaja         | private_provider         | social | none        |
      | itsenäinen ammatinharjoittaja ilman järjestelmää   | 1357913-8 | Puheterapeutti Sini Koski | independent_practitioner | none   | none        |

  Tapausaihio: Suoraan liittyvä ja pääliittyjä hakevat itse (<malli>)
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | <nimi>           |
      | business_id          | <y_tunnus>       |
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | patient_system   |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Ja vaihetta "Tarkista rekisteritiedot" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | <malli> |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Tee tietoturvasuunnitelma                            |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.<oid>.10.0      |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Tee tietoturvasuunnitelma                            |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja vaihetta "Pyydä Lupa- ja valvontavirastoa (ent. aluehallintovirasto) korjaamaan lupatiedot" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään                |
      | self_monitoring_in_place         | kyllä                 |
      | covers_independent_practitioners | <ammatinharjoittajat> |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name       | eRA                          |
      | system_certified  | kyllä                        |
      | intermediary_name | Ajas Oy                      |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja vaihe "Valmistelut tehty: käyttöönotot voivat hakea" on tehty kerran
    Kun palvelunantaja tekee tehtävän "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" tiedoilla:
      | existing_kanta_customer | kyllä |
    Niin avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Ja vaihetta "Hyväksy terveydenhuollon sitoumus" ei ole tehty
    Ja vaihetta "Sovi yhteisliittymisestä pääliittyjän kanssa" ei ole tehty
    Ja prosessi on käynnissä

    Tapaukset:
      | malli             | y_tunnus  | nimi                     | oid     | ammatinharjoittajat |
      | direct            | 3579135-9 | Silmäklinikka Näkö Oy    | 3579135 | ei                  |
      | joint_main_joiner | 4680246-3 | Lääkäriasema Keskusta Oy | 4680246 | kyllä               |

  Tapaus: Apteekki ei arkistoi asiakas- tai potilastietoja sähköisesti, joten se ei tee liittymisessä tietoturvasuunnitelmaa, eikä sen Resepti-palvelun hakemus odota suunnitelmaa
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 1414213-0
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Apteekki Kanerva   |
      | business_id          | 1414213-0          |
      | organisation_kind    | pharmacy           |
      | tenant_of_company    | ei                 |
      | licence              | none               |
      | system_kind          | none               |
      | writes_prescriptions | ei                 |
      | contact_email        | kanta@esimerkki.fi |
      | vendor_business_id   | 2345678-0          |
    Niin tiedon "prescription_service_required" arvo on kyllä
    Ja tiedon "patient_data_repository_required" arvo on ei
    Ja tiedon "social_welfare_repository_required" arvo on ei
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan              |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja vaihetta "Tee tietoturvasuunnitelma" ei ole tehty
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.1414213.10.0    |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan              |
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name       | ApteekkiX                    |
      | system_certified  | kyllä                        |
      | intermediary_name | Ajas Oy                      |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Ja vaihe "Valmistelut tehty: käyttöönotot voivat hakea" on tehty kerran
    Ja vaihetta "Tee tietoturvasuunnitelma" ei ole tehty
    Ja vaihetta "Sovi yrityksen kanssa tietoturvasuunnitelman teosta" ei ole tehty
    Ja prosessi on käynnissä

  Tapaus: Potilastietovarannon käyttöönotto ottaa yhteyttä järjestelmätoimittajaan ja tekee valmistelevat tehtävät liittymisen rekisteritarkistuksen ollessa vielä kesken, ja liittymishakemus avautuu vasta, kun liittymisen valmistelut on tehty
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 2468135-7
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Hammaslääkäri Kivi Oy |
      | business_id          | 2468135-7             |
      | organisation_kind    | private_provider      |
      | licence              | health                |
      | system_kind          | patient_system        |
      | writes_prescriptions | ei                    |
      | vendor_business_id   | 2345678-0             |
    Niin avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Ja vaihetta "Tarkista rekisteritiedot" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Tee tietoturvasuunnitelma                            |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                              |
      | palvelunantaja        | Tee tietoturvasuunnitelma                            |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Tee tietoturvasuunnitelma                            |
      | palvelunantaja        | Tee valmistelevat tehtävät                           |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun palvelunantaja yrittää tehdä tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | security_plan_ready       | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.2468135.10.0 |
    Niin lomake hylätään kentän "security_plan_ready" kohdalta
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | access_point              | intermediary            |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.2468135.10.0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Tee tietoturvasuunnitelma                            |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja vaihetta "Liittymisen valmistelut tehty" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name       | eRA                          |
      | system_certified  | kyllä                        |
      | intermediary_name | Ajas Oy                      |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.2468135.10.0    |
      | register_entries_valid | ei                         |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                                          |
      | palvelunantaja | Pyydä Lupa- ja valvontavirastoa (ent. aluehallintovirasto) korjaamaan lupatiedot |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus                             |
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Pyydä Lupa- ja valvontavirastoa (ent. aluehallintovirasto) korjaamaan lupatiedot" tiedoilla:
      | what_to_correct | Hammashoitolan palveluyksikkö puuttuu |
      | requested_on    | tänään                                |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | THL            | Julkaise korjattu rekisteritieto                     |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja vaihetta "Liittymisen valmistelut tehty" ei ole tehty
    Kun THL tekee tehtävän "Julkaise korjattu rekisteritieto" tiedoilla:
      | organisation_oid | 1.2.246.10.2468135.10.0 |
      | updated_on       | tänään                  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Tee liittymishakemus Kanta Ekstranetissä             |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja vaihe "Valmistelut tehty: käyttöönotot voivat hakea" on tehty kerran
    Ja vaihe "Liittymisen valmistelut tehty" on tehty kerran
    Ja vaihe "Tee valmistelevat tehtävät" on tehty kerran
    Ja prosessi on käynnissä

  Tapaus: Yrityksen tiloissa vuokralaisena toimiva ammatinharjoittaja käyttää yrityksen potilastietojärjestelmää, joten hänelle ei kelpaa "Ei sähköistä järjestelmää" eikä hän jää liittymisvelvoitteen ulkopuolelle
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 5791363-6
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Lääkäri Eero Lahtinen    |
      | business_id          | 5791363-6                |
      | organisation_kind    | independent_practitioner |
      | tenant_of_company    | kyllä                    |
      | licence              | none                     |
      | system_kind          | none                     |
      | writes_prescriptions | ei                       |
    Niin lomake hylätään kentän "system_kind" kohdalta
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Lääkäri Eero Lahtinen    |
      | business_id          | 5791363-6                |
      | organisation_kind    | independent_practitioner |
      | tenant_of_company    | kyllä                    |
      | licence              | none                     |
      | system_kind          | patient_system           |
      | writes_prescriptions | ei                       |
      | vendor_business_id   | 2345678-0                |
    Niin tiedon "patient_data_repository_required" arvo on kyllä
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Ja vaihetta "Ei liittymisvelvoitetta" ei ole tehty
    Ja prosessi on käynnissä

  Tapaus: Virheelliset rekisterimerkinnät korjataan Lupa- ja valvontaviraston (ent. AVI) ja THL:n kautta, ja yrityksen tiloissa vuokralaisena toimiva ammatinharjoittaja sopii tietoturvasuunnitelmasta ennen sen laatimista ja liittyy pääliittyjän kautta ilman omaa hakemusta ja järjestelmävahvistusta
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 5791357-2
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Fysioterapeutti Aino Virtanen |
      | business_id          | 5791357-2                     |
      | organisation_kind    | independent_practitioner      |
      | tenant_of_company    | kyllä                         |
      | licence              | none                          |
      | system_kind          | patient_system                |
      | writes_prescriptions | ei                            |
      | vendor_business_id   | 2345678-0                     |
    Niin tiedon "patient_data_repository_required" arvo on kyllä
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model           | joint_member |
      | main_joiner_business_id | 0737546-3    |
    Niin lomake hylätään kentän "main_joiner_business_id" kohdalta
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model           | joint_member |
      | main_joiner_business_id | 0737546-2    |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                             |
      | palvelunantaja        | Sovi yrityksen kanssa tietoturvasuunnitelman teosta |
      | palvelunantaja        | Sovi yhteisliittymisestä pääliittyjän kanssa        |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja vaihetta "Liity Potilastietovarantoon" ei ole tehty
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | iah_code_set            |
      | organisation_oid       | 1.2.246.10.5791357.10.0 |
      | register_entries_valid | ei                      |
      | checked_on             | tänään                  |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                          |
      | palvelunantaja        | Pyydä Lupa- ja valvontavirastoa (ent. aluehallintovirasto) korjaamaan lupatiedot |
      | palvelunantaja        | Sovi yrityksen kanssa tietoturvasuunnitelman teosta                              |
      | palvelunantaja        | Sovi yhteisliittymisestä pääliittyjän kanssa                                     |
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa" tiedoilla:
      | contract_signed_on           | tänään |
      | responsibilities_in_contract | kyllä  |
    Niin lomake hylätään kentän "service_provision" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                                          |
      | palvelunantaja | Pyydä Lupa- ja valvontavirastoa (ent. aluehallintovirasto) korjaamaan lupatiedot |
      | palvelunantaja | Sovi yrityksen kanssa tietoturvasuunnitelman teosta                              |
      | palvelunantaja | Sovi yhteisliittymisestä pääliittyjän kanssa                                     |
    Kun palvelunantaja tekee tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa" tiedoilla:
      | contract_signed_on           | tänään                   |
      | responsibilities_in_contract | kyllä                    |
      | service_provision            | self_paying_clients_only |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                                          |
      | palvelunantaja | Pyydä Lupa- ja valvontavirastoa (ent. aluehallintovirasto) korjaamaan lupatiedot |
      | palvelunantaja | Sovi yrityksen kanssa tietoturvasuunnitelman teosta                              |
    Ja vaihetta "Liittynyt pääliittyjän kautta" ei ole tehty
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi yrityksen kanssa tietoturvasuunnitelman teosta" tiedoilla:
      | company_business_id          | 0737546-2 |
      | agreed_on                    | tänään    |
      | security_plan_written_by     | company   |
      | responsibilities_in_contract | kyllä     |
    Niin lomake hylätään kentän "company_plan_names_practitioner" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                                          |
      | palvelunantaja | Pyydä Lupa- ja valvontavirastoa (ent. aluehallintovirasto) korjaamaan lupatiedot |
      | palvelunantaja | Sovi yrityksen kanssa tietoturvasuunnitelman teosta                              |
    Kun palvelunantaja tekee tehtävän "Sovi yrityksen kanssa tietoturvasuunnitelman teosta" tiedoilla:
      | company_business_id             | 0737546-2 |
      | agreed_on                       | tänään    |
      | security_plan_written_by        | company   |
      | company_plan_names_practitioner | kyllä     |
      | responsibilities_in_contract    | kyllä     |
    Niin avoinna on vain tehtävä "Pyydä Lupa- ja valvontavirastoa (ent. aluehallintovirasto) korjaamaan lupatiedot", jonka tekee palvelunantaja
    Ja vaihetta "Tee tietoturvasuunnitelma" ei ole tehty
    Ja vaihetta "Liittynyt pääliittyjän kautta" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Pyydä Lupa- ja valvontavirastoa (ent. aluehallintovirasto) korjaamaan lupatiedot" tiedoilla:
      | what_to_correct | Ammatinharjoittajan toimipaikka puuttuu luvasta |
      | requested_on    | tänään                                          |
    Niin avoinna on vain tehtävä "Julkaise korjattu rekisteritieto", jonka tekee THL
    Kun THL tekee tehtävän "Julkaise korjattu rekisteritieto" tiedoilla:
      | organisation_oid | 1.2.246.10.5791357.10.0 |
      | updated_on       | tänään                  |
    Niin prosessi on päättynyt tapahtumaan "Liittynyt pääliittyjän kautta"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Ja vaihetta "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" ei ole tehty
    Ja vaihetta "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" ei ole tehty
    Ja vaihe "Julkaise korjattu rekisteritieto" on tehty kerran
    Ja vaihetta "Liity Potilastietovarantoon" ei ole tehty
    Ja vaihetta "Sovi yhteisliittymisestä pääliittyjän kanssa ja varmista, että pääliittyjän järjestelmässä on rekisterinkäyttöoikeus-toiminnallisuus käytössä" ei ole tehty
    Ja vaihetta "Vahvista sertifioitu järjestelmä ja liityntäpiste" ei ole tehty

  Tapaus: Hyvinvointialueelle ostopalveluja tuottava sosiaalihuollon yhteisliittyjä sopii asiakirjojen toimittamisesta järjestäjälle, vaikka liittyy pääliittyjän kautta
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 5099019-6
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Kotipalvelu Lehto Oy |
      | business_id          | 5099019-6            |
      | organisation_kind    | private_provider     |
      | licence              | social               |
      | system_kind          | client_system        |
      | writes_prescriptions | ei                   |
      | vendor_business_id   | 2345678-0            |
    Niin tiedon "social_welfare_repository_required" arvo on kyllä
    Ja tiedon "patient_data_repository_required" arvo on ei
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model           | joint_member |
      | main_joiner_business_id | 0737546-2    |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                                                                                                       |
      | palvelunantaja | Tee tietoturvasuunnitelma                                                                                                                     |
      | palvelunantaja | Sovi yhteisliittymisestä pääliittyjän kanssa ja varmista, että pääliittyjän järjestelmässä on rekisterinkäyttöoikeus-toiminnallisuus käytössä |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.5099019.10.0    |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                                                                                                       |
      | palvelunantaja | Tee tietoturvasuunnitelma                                                                                                                     |
      | palvelunantaja | Sovi yhteisliittymisestä pääliittyjän kanssa ja varmista, että pääliittyjän järjestelmässä on rekisterinkäyttöoikeus-toiminnallisuus käytössä |
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa ja varmista, että pääliittyjän järjestelmässä on rekisterinkäyttöoikeus-toiminnallisuus käytössä" tiedoilla:
      | contract_signed_on                        | tänään                        |
      | responsibilities_in_contract              | kyllä                         |
      | service_provision                         | purchased_services_for_county |
      | main_joiner_system_has_registry_use_right | ei                            |
    Niin lomake hylätään kentän "main_joiner_system_has_registry_use_right" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                                                                                                       |
      | palvelunantaja | Tee tietoturvasuunnitelma                                                                                                                     |
      | palvelunantaja | Sovi yhteisliittymisestä pääliittyjän kanssa ja varmista, että pääliittyjän järjestelmässä on rekisterinkäyttöoikeus-toiminnallisuus käytössä |
    Ja vaihetta "Sovi yhteisliittymisestä pääliittyjän kanssa" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa ja varmista, että pääliittyjän järjestelmässä on rekisterinkäyttöoikeus-toiminnallisuus käytössä" tiedoilla:
      | contract_signed_on                        | tänään                        |
      | responsibilities_in_contract              | kyllä                         |
      | service_provision                         | purchased_services_for_county |
      | main_joiner_system_has_registry_use_right | kyllä                         |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                                       |
      | palvelunantaja | Tee tietoturvasuunnitelma                                                     |
      | palvelunantaja | Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista |
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | secure_email |
      | client_rights_agreed | kyllä        |
      | agreed_on            | tänään       |
    Niin avoinna on vain tehtävä "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja
    Ja vaihetta "Liittynyt pääliittyjän kautta" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin prosessi on päättynyt tapahtumaan "Liittynyt pääliittyjän kautta"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Ja vaihe "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" on tehty kerran
    Ja vaihetta "Liity Sosiaalihuollon asiakastietovarantoon" ei ole tehty
    Ja vaihetta "Vahvista sertifioitu järjestelmä ja liityntäpiste" ei ole tehty

  Tapaus: Vuokralaisena toimiva ammatinharjoittaja sopii yrityksen kanssa laativansa oman tietoturvasuunnitelman ja liittyy suoraan
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 1029384-7
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Psykologi Saara Lind     |
      | business_id          | 1029384-7                |
      | organisation_kind    | independent_practitioner |
      | tenant_of_company    | kyllä                    |
      | licence              | none                     |
      | system_kind          | patient_system           |
      | writes_prescriptions | ei                       |
      | vendor_business_id   | 2345678-0                |
    Niin avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Sovi yrityksen kanssa tietoturvasuunnitelman teosta  |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun palvelunantaja tekee tehtävän "Sovi yrityksen kanssa tietoturvasuunnitelman teosta" tiedoilla:
      | company_business_id          | 0737546-2    |
      | agreed_on                    | tänään       |
      | security_plan_written_by     | practitioner |
      | responsibilities_in_contract | kyllä        |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Tee tietoturvasuunnitelma                            |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun palvelunantaja tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name       | eRA                          |
      | system_certified  | kyllä                        |
      | intermediary_name | Ajas Oy                      |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | iah_code_set            |
      | organisation_oid       | 1.2.246.10.1029384.10.0 |
      | register_entries_valid | kyllä                   |
      | checked_on             | tänään                  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja vaihe "Valmistelut tehty: käyttöönotot voivat hakea" on tehty kerran
    Kun palvelunantaja tekee tehtävän "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" tiedoilla:
      | existing_kanta_customer | ei            |
      | commitment_accepted_on  | tänään        |
      | signatory_name          | Saara Lind    |
      | commitment_accepted     | kyllä         |
    Niin avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Ja vaihetta "Sovi yhteisliittymisestä pääliittyjän kanssa" ei ole tehty

  Tapaus: Lääkkeitä määräävä terveydenhuollon palvelunantaja liittyy Potilastietovarantoon ja Resepti-palveluun rinnakkain, kumpaankin omalla hakemuksellaan, ja terveydenhuollon sitoumus selvitetään vain kerran niiden rinnalla pidättelemättä niitä
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 6802468-2
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Lääkärikeskus Aurora Oy |
      | business_id          | 6802468-2               |
      | organisation_kind    | private_provider        |
      | licence              | health                  |
      | system_kind          | patient_system          |
      | writes_prescriptions | kyllä                   |
      | contact_email        | kanta@aurora.fi         |
      | vendor_business_id   | 2345678-0               |
    Niin tiedon "patient_data_repository_required" arvo on kyllä
    Ja tiedon "social_welfare_repository_required" arvo on ei
    Ja tiedon "prescription_service_required" arvo on kyllä
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | palvelunantaja        | Tee tietoturvasuunnitelma                            |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name       | eRA                          |
      | system_certified  | kyllä                        |
      | intermediary_name | Ajas Oy                      |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Tee tietoturvasuunnitelma                            |
      | palvelunantaja | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun palvelunantaja tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.6802468.10.0    |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja vaihe "Valmistelut tehty: käyttöönotot voivat hakea" on tehty kerran
    Kun palvelunantaja tekee Potilastietovarannon käyttöönoton tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                              |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                 |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun palvelunantaja tekee Resepti-palvelun käyttöönoton tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                              |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                              |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee Resepti-palvelun käyttöönoton tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                              |
      | palvelunantaja        | Tee valmistelevat tehtävät                           |
      | palvelunantaja        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee Potilastietovarannon käyttöönoton tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Tee valmistelevat tehtävät                           |
      | palvelunantaja | Tee valmistelevat tehtävät                           |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun palvelunantaja tekee Potilastietovarannon käyttöönoton tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.6802468.10.0 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Tee liittymishakemus Kanta Ekstranetissä             |
      | palvelunantaja | Tee valmistelevat tehtävät                           |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun palvelunantaja tekee Resepti-palvelun käyttöönoton tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 21 päivää |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Tee liittymishakemus Kanta Ekstranetissä             |
      | palvelunantaja | Tee hallinnolliset toimet Kanta Ekstranetissä        |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun palvelunantaja tekee tehtävän "Tee hallinnolliset toimet Kanta Ekstranetissä" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Tee liittymishakemus Kanta Ekstranetissä             |
      | palvelunantaja | Tee oman organisaation käyttöönoton tehtävät         |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Kun palvelunantaja yrittää tehdä tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | existing_kanta_customer | ei                           |
    Niin lomake hylätään kentän "existing_kanta_customer" kohdalta
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name       | eRA                          |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
      | application_date  | tänään                       |
      | planned_test_date | tänään + 21 päivää           |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna ovat vain tehtävät "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee palvelunantaja, ja "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision      | rejected                       |
      | decision_note | Yhteyshenkilön tiedot puuttuvat |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Korjaa hakemus                                       |
      | palvelunantaja | Tee oman organisaation käyttöönoton tehtävät         |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun palvelunantaja tekee tehtävän "Korjaa hakemus" tiedoilla:
      | correction   | Yhteyshenkilö lisätty |
      | corrected_on | tänään                |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna ovat vain tehtävät "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee palvelunantaja, ja "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Tee oman organisaation käyttöönoton tehtävät         |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä |
      | deployment_check                  | none  |
      | production_readiness_verification | ei    |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen                  |
      | palvelunantaja | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään + 14 päivää |
    Niin vaihe "Resepti-palvelu käytössä" on tehty
    Ja vaihe "Liity Resepti-palveluun" on tehty
    Ja avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Ja odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun palvelunantaja tekee tehtävän "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" tiedoilla:
      | existing_kanta_customer | ei            |
      | commitment_accepted_on  | tänään        |
      | signatory_name          | Aino Virtanen |
      | commitment_accepted     | kyllä         |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" on tehty kerran
    Ja prosessi on käynnissä
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumaan "Kanta-palveluihin liitytty"
    Ja vaihe "Potilastietovaranto käytössä" on tehty
    Ja vaihe "Liity Potilastietovarantoon" on tehty
    Ja vaihetta "Liity Sosiaalihuollon asiakastietovarantoon" ei ole tehty
    Ja vaihetta "Hyväksy terveydenhuollon sitoumus" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Palvelunantaja valitsee rinnakkaisliittymisen omasta sertifioidusta järjestelmästä huolimatta ja vahvistaa valintansa erikseen; koska se tallentaa vain järjestäjän rekisteriin, sen sosiaalihuollon käyttöönotto päättyy ilman omaa liittymistä ennen kuin liittymisen valmistelut on tehty, eikä liittyminen pääty tapahtumaan "Kanta-palveluihin liitytty"
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 7913579-1
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Palvelukoti Kuusi Oy |
      | business_id          | 7913579-1            |
      | organisation_kind    | private_provider     |
      | licence              | health_and_social    |
      | system_kind          | client_system        |
      | writes_prescriptions | ei                   |
      | vendor_business_id   | 2345678-0            |
    Niin tiedon "patient_data_repository_required" arvo on ei
    Ja tiedon "social_welfare_repository_required" arvo on kyllä
    Ja tiedon "prescription_service_required" arvo on ei
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model            | parallel |
      | has_own_certified_system | kyllä    |
    Niin lomake hylätään kentän "parallel_model_despite_own_system" kohdalta
    Ja lomake hylätään kentän "county_business_id" kohdalta
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model                     | parallel  |
      | has_own_certified_system          | kyllä     |
      | parallel_model_despite_own_system | kyllä     |
      | county_business_id                | 4567123-8 |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja käyttöönotto odottaa liittymisen valmisteluja
    Ja vaihetta "Liity Potilastietovarantoon" ei ole tehty
    Kun palvelunantaja yrittää tehdä tehtävän "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | business_id        | 7913579-1                     |
      | service_provision  | purchased_services_for_county |
      | county_business_id | 4567123-8                     |
    Niin lomake hylätään kentän "business_id" kohdalta
    Ja avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | service_provision  | purchased_services_for_county |
      | county_business_id | 4567123-8                     |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Päätä, tarjoaako hyvinvointialue järjestelmäänsä", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Päätä, tarjoaako hyvinvointialue järjestelmäänsä" tiedoilla:
      | county_name                       | Pirkanmaan hyvinvointialue |
      | organiser_business_id             | 3221308-6                  |
      | county_offers_system              | kyllä                      |
      | parallel_joining_requirements_met | kyllä                      |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan" tiedoilla:
      | records_only_organiser_data | kyllä  |
      | confirmed_on                | tänään |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | other_electronic |
      | client_rights_agreed | kyllä            |
      | agreed_on            | tänään           |
    Niin avoinna on vain tehtävä "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja
    Ja vaihe "Ei omaa liittymistä: tallentaa järjestäjän rekisteriin" on tehty
    Ja vaihe "Liity Sosiaalihuollon asiakastietovarantoon" on tehty
    Ja mikään käyttöönotto ei odota liittymisen valmisteluja
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.7913579.10.0    |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoinna on vain tehtävä "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin prosessi on päättynyt tapahtumaan "Ei omaa liittymistä Sosiaalihuollon asiakastietovarantoon: tallentaa järjestäjän rekisteriin"
    Ja vaihe "Valmistelut tehty: käyttöönotot voivat hakea" on tehty kerran
    Ja historiaan on kirjattu, ettei valmistumista odottanut enää kukaan, kun palvelunantaja teki valmistelut
    Ja vaihetta "Liittymisen valmistelut tehty" ei ole tehty
    Ja vaihetta "Vahvista sertifioitu järjestelmä ja liityntäpiste" ei ole tehty
    Ja vaihe "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" on tehty kerran
    Ja vaihetta "Kanta-palveluihin liitytty" ei ole tehty
    Ja tiedon "joining_model" arvo on parallel
    Ja tiedon "social_care_joining_model" arvo on parallel
    Ja vaihetta "Liity Resepti-palveluun" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Rinnakkaisliittymistä hakeva palvelunantaja liittyy Sosiaalihuollon asiakastietovarantoon pääliittyjän kautta, kun hyvinvointialue ei tarjoa järjestelmäänsä; sen sosiaalihuollon käyttöönotto päättyy ennen kuin liittymisen valmistelut on tehty, ja liittyminen päättyy niiden jälkeen tapahtumaan "Kanta-palveluihin liitytty"
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 8024652-8
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Kotihoito Koivu Oy   |
      | business_id          | 8024652-8            |
      | organisation_kind    | private_provider     |
      | licence              | health_and_social    |
      | system_kind          | client_system        |
      | writes_prescriptions | ei                   |
      | vendor_business_id   | 2345678-0            |
    Niin tiedon "patient_data_repository_required" arvo on ei
    Ja tiedon "social_welfare_repository_required" arvo on kyllä
    Ja tiedon "prescription_service_required" arvo on ei
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model                     | parallel  |
      | has_own_certified_system          | kyllä     |
      | parallel_model_despite_own_system | kyllä     |
      | county_business_id                | 4567123-8 |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja käyttöönotto odottaa liittymisen valmisteluja
    Ja vaihetta "Liity Potilastietovarantoon" ei ole tehty
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.8024652.10.0    |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | service_provision  | purchased_services_for_county |
      | county_business_id | 4567123-8                     |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Päätä, tarjoaako hyvinvointialue järjestelmäänsä", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Päätä, tarjoaako hyvinvointialue järjestelmäänsä" tiedoilla:
      | county_name           | Pirkanmaan hyvinvointialue |
      | organiser_business_id | 3221308-6                  |
      | county_offers_system  | ei                         |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Valitse toinen liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse toinen liittymismalli" tiedoilla:
      | joining_model      | joint_member |
      | vendor_business_id | 2345678-0    |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Sovi yhteisliittymisestä pääliittyjän kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa" tiedoilla:
      | main_joiner_business_id                   | 1234567-1                       |
      | main_joiner_name                          | Sosiaalipalvelut Pääliittyjä Oy |
      | agreement_date                            | tänään                          |
      | security_plan                             | main_joiner_plan_covers_us      |
      | main_joiner_system_has_registry_use_right | kyllä                           |
    Niin avoinna ovat vain tehtävät "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja, ja "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | secure_email |
      | client_rights_agreed | kyllä        |
      | agreed_on            | tänään       |
    Niin avoinna on vain tehtävä "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja
    Ja vaihe "Liittyy pääliittyjän kautta: vain pääliittyjä tekee hakemuksen" on tehty
    Ja vaihe "Liity Sosiaalihuollon asiakastietovarantoon" on tehty
    Ja mikään käyttöönotto ei odota liittymisen valmisteluja
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin prosessi on päättynyt tapahtumaan "Kanta-palveluihin liitytty"
    Ja historiaan on kirjattu, ettei valmistumista odottanut enää kukaan, kun palvelunantaja teki valmistelut
    Ja vaihetta "Vahvista sertifioitu järjestelmä ja liityntäpiste" ei ole tehty
    Ja tiedon "joining_model" arvo on parallel
    Ja tiedon "social_care_joining_model" arvo on joint_member
    Ja vaihe "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" on tehty kerran
    Ja vaihetta "Ei omaa liittymistä Sosiaalihuollon asiakastietovarantoon: tallentaa järjestäjän rekisteriin" ei ole tehty
    Ja avoimia tehtäviä ei ole

  Tapaus: Sosiaalihuollon luvalla ja pelkällä potilastietojärjestelmällä ei liitytä: potilastietojärjestelmä hylätään heti, ja ensin tarvitaan sertifioitu sosiaalihuollon asiakastietojärjestelmä
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 8135790-8
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Kotipalvelu Vilja Oy |
      | business_id          | 8135790-8            |
      | organisation_kind    | private_provider     |
      | licence              | social               |
      | system_kind          | patient_system       |
      | writes_prescriptions | ei                   |
      | vendor_business_id   | 2345678-0            |
    Niin tiedon "patient_data_repository_required" arvo on ei
    Ja tiedon "social_welfare_repository_required" arvo on kyllä
    Ja tiedon "prescription_service_required" arvo on ei
    Ja prosessi on päättynyt tapahtumaan "Sosiaalihuollon asiakastietovarantoon ei liitytty: tarvitaan sertifioitu asiakastietojärjestelmä"
    Ja vaihetta "Tarkista rekisteritiedot" ei ole tehty
    Ja vaihetta "Liity Sosiaalihuollon asiakastietovarantoon" ei ole tehty
    Ja vaihetta "Kanta-palveluihin liitytty" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Kun järjestelmätoimittaja kuvaa asiakastietojärjestelmäksi ilmoitetun järjestelmän potilastietojärjestelmäksi, sosiaalihuollon käyttöönotto hylkää sen ennen kuin liittymisen valmistelut on tehty, ja koska muuta pakollista palvelua ei ole, liittyminen päättyy heti ilman valmisteluja, joita mikään hakemus ei enää tarvitse
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 8024680-0
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Kotihoito Lempi Oy |
      | business_id          | 8024680-0          |
      | organisation_kind    | private_provider   |
      | licence              | social             |
      | system_kind          | client_system      |
      | writes_prescriptions | ei                 |
      | vendor_business_id   | 2345678-0          |
    Niin tiedon "patient_data_repository_required" arvo on ei
    Ja tiedon "social_welfare_repository_required" arvo on kyllä
    Ja tiedon "prescription_service_required" arvo on ei
    Ja vaihetta "Sosiaalihuollon asiakastietovaranto hylätty: potilastietojärjestelmällä ei voi liittyä; muut palvelut jatkuvat" ei ole tehty
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
      | system_name                  | PotilasY                   |
      | system_kind                  | patient_information_system |
      | system_certified             | kyllä                      |
      | system_phase                 | phase_1                    |
      | system_profile               | Potilastietojärjestelmä    |
      | registry_use_right_supported | ei                         |
      | access_point_oid             | 1.2.246.537.6.700.2        |
    Niin prosessi on päättynyt tapahtumaan "Sosiaalihuollon asiakastietovarantoon ei liitytty: tarvitaan sertifioitu asiakastietojärjestelmä"
    Ja vaihe "Hylätty: potilastietojärjestelmällä ei voi liittyä" on tehty
    Ja vaihe "Potilastietojärjestelmä hylätty" on tehty
    Ja vaihetta "Tarkista rekisteritiedot" ei ole tehty
    Ja vaihetta "Tee tietoturvasuunnitelma" ei ole tehty
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Ja historiaan ei ole kirjattu valmistelujen valmistumista
    Ja mikään käyttöönotto ei odota liittymisen valmisteluja
    Ja vaihetta "Vahvista sertifioitu järjestelmä ja liityntäpiste" ei ole tehty
    Ja vaihetta "Kanta-palveluihin liitytty" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Kun sosiaalihuollon käyttöönotto hylkää lääkkeitä määräävän palvelunantajan järjestelmän potilastietojärjestelmänä, liittymisen valmistelut tehdään silti loppuun Resepti-palvelun hakemusta varten, ja Resepti-palvelu otetaan käyttöön
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 3692581-4
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Kotihoito Veli Oy |
      | business_id          | 3692581-4         |
      | organisation_kind    | private_provider  |
      | licence              | social            |
      | system_kind          | client_system     |
      | writes_prescriptions | kyllä             |
      | vendor_business_id   | 2345678-0         |
    Niin tiedon "patient_data_repository_required" arvo on ei
    Ja tiedon "social_welfare_repository_required" arvo on kyllä
    Ja tiedon "prescription_service_required" arvo on kyllä
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                                   |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste                                         |
      | palvelunantaja        | Tee tietoturvasuunnitelma                                                                 |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan                                                      |
      | palvelunantaja        | Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja käyttöönotto odottaa liittymisen valmisteluja
    Kun palvelunantaja tekee tehtävän "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | service_provision  | self_paying_clients_only |
      | vendor_business_id | 2345678-0                |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan              |
      | järjestelmätoimittaja | Kuvaa asiakastietojärjestelmä                     |
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | PotilasY                   |
      | system_kind                  | patient_information_system |
      | system_certified             | kyllä                      |
      | system_phase                 | phase_1                    |
      | system_profile               | Potilastietojärjestelmä    |
      | registry_use_right_supported | ei                         |
      | access_point_oid             | 1.2.246.537.6.700.2        |
    Niin prosessi on käynnissä
    Ja vaihe "Hylätty: potilastietojärjestelmällä ei voi liittyä" on tehty
    Ja vaihe "Potilastietojärjestelmä hylätty" on tehty
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan              |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja käyttöönotto odottaa liittymisen valmisteluja
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                           |
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään   |
      | system_name          | PotilasY |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
      | palvelunantaja        | Tee valmistelevat tehtävät                        |
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 21 päivää |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.3692581.10.0    |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name      | PotilasY            |
      | system_certified | kyllä               |
      | access_point_oid | 1.2.246.537.6.700.2 |
    Niin avoinna on vain tehtävä "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin avoinna on vain tehtävä "Tee hallinnolliset toimet Kanta Ekstranetissä", jonka tekee palvelunantaja
    Ja vaihe "Valmistelut tehty: käyttöönotot voivat hakea" on tehty kerran
    Ja historiassa ei ole valmistelujen valmistumista, jota kukaan ei odottanut
    Ja mikään käyttöönotto ei odota liittymisen valmisteluja
    Kun palvelunantaja tekee tehtävän "Tee hallinnolliset toimet Kanta Ekstranetissä" tiedoilla:
      | application_date | tänään              |
      | system_name      | PotilasY            |
      | access_point_oid | 1.2.246.537.6.700.2 |
    Niin odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä |
      | deployment_check                  | none  |
      | production_readiness_verification | ei    |
    Niin avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date                       | tänään + 14 päivää |
      | renewal_request_receivers_marked | kyllä              |
      | renewal_request_service_in_use   | kyllä              |
    Niin prosessi on päättynyt tapahtumaan "Sosiaalihuollon asiakastietovarantoon ei liitytty: tarvitaan sertifioitu asiakastietojärjestelmä"
    Ja vaihe "Resepti-palvelu käytössä" on tehty
    Ja vaihe "Potilastietojärjestelmä hylätty" on tehty
    Ja vaihetta "Liity Sosiaalihuollon asiakastietovarantoon" ei ole tehty
    Ja vaihetta "Kanta-palveluihin liitytty" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Lääkkeitä määräävän sosiaalihuollon palvelunantajan pelkkä potilastietojärjestelmä hylätään heti, mutta Resepti-palvelu otetaan silti käyttöön
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta-palveluihin liittyminen" Y-tunnukselle 9246802-1
    Ja avoinna on vain tehtävä "Anna organisaation tiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Anna organisaation tiedot" tiedoilla:
      | organisation_name    | Päihdeklinikka Selvä Oy |
      | business_id          | 9246802-1               |
      | organisation_kind    | private_provider        |
      | licence              | social                  |
      | system_kind          | patient_system          |
      | writes_prescriptions | kyllä                   |
      | vendor_business_id   | 2345678-0               |
    Niin tiedon "patient_data_repository_required" arvo on ei
    Ja tiedon "social_welfare_repository_required" arvo on kyllä
    Ja tiedon "prescription_service_required" arvo on kyllä
    Ja vaihe "Sosiaalihuollon asiakastietovaranto hylätty: potilastietojärjestelmällä ei voi liittyä; muut palvelut jatkuvat" on tehty
    Ja avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
      | palvelunantaja        | Ota yhteyttä järjestelmätoimittajaan              |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja vaihetta "Liity Potilastietovarantoon" ei ole tehty
    Ja vaihetta "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                           |
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään   |
      | system_name          | PotilasY |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
      | palvelunantaja        | Tee valmistelevat tehtävät                        |
    Kun palvelunantaja yrittää tehdä tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä              |
      | server_certificates_ready | kyllä              |
    Niin lomake hylätään kentän "register_entries_valid" kohdalta
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 21 päivää |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja vaihetta "Tee hallinnolliset toimet Kanta Ekstranetissä" ei ole tehty
    Kun palvelunantaja tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.9246802.10.0    |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste |
      | palvelunantaja        | Tee tietoturvasuunnitelma                         |
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name      | PotilasY            |
      | system_certified | kyllä               |
      | access_point_oid | 1.2.246.537.6.700.2 |
    Niin avoinna on vain tehtävä "Tee tietoturvasuunnitelma", jonka tekee palvelunantaja
    Ja vaihetta "Valmistelut tehty: käyttöönotot voivat hakea" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin avoinna on vain tehtävä "Tee hallinnolliset toimet Kanta Ekstranetissä", jonka tekee palvelunantaja
    Ja vaihe "Valmistelut tehty: käyttöönotot voivat hakea" on tehty kerran
    Kun palvelunantaja tekee tehtävän "Tee hallinnolliset toimet Kanta Ekstranetissä" tiedoilla:
      | application_date | tänään              |
      | system_name      | PotilasY            |
      | access_point_oid | 1.2.246.537.6.700.2 |
    Niin odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Ja vaihetta "Hyväksy terveydenhuollon sitoumus" ei ole tehty
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä |
      | deployment_check                  | none  |
      | production_readiness_verification | ei    |
    Niin avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään + 14 päivää |
    Niin prosessi on päättynyt tapahtumaan "Sosiaalihuollon asiakastietovarantoon ei liitytty: tarvitaan sertifioitu asiakastietojärjestelmä"
    Ja vaihe "Resepti-palvelu käytössä" on tehty
    Ja vaihe "Liity Resepti-palveluun" on tehty
    Ja vaihetta "Liity Sosiaalihuollon asiakastietovarantoon" ei ole tehty
    Ja vaihetta "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" ei ole tehty
    Ja vaihetta "Kanta-palveluihin liitytty" ei ole tehty
    Ja vaihetta "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" ei ole tehty
    Ja vaihetta "Hyväksy terveydenhuollon sitoumus" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
