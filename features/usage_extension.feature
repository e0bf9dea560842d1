# language: fi
Ominaisuus: Kanta-palvelujen käytön laajentaminen
  In English: a service provider that already uses the Patient Data Repository or the Social Welfare
  Client Data Repository extends its use (seed 003): it archives new content, takes a new Kanta service
  into use (e.g. the exchange of health-care certificates or the archiving of old patient records) or takes
  a new information system into use. Right away a decision table decides the notices, which are filed
  beside the rest of the extension, which waits for none of them, and independently of each other: the e-mail
  notice and the access-point notice wait for neither each other nor anything else. The provider plans the extension
  with its system vendor, with the support of THL's OPER unit when needed; the organisation tests its own set-up,
  where possible in Kela's customer test service, and makes sure the system and the intermediary are certified; the provider updates
  its self-monitoring plan and register entries. The notices: a document group or
  system profile change (new social-care document groups, such as old, phase I or phase II documents, are one),
  or more than 500,000 more documents, is notified by e-mail to kanta@kanta.fi; a
  new technical access point is announced with the change form in Kanta Extranet at the latest two weeks
  before the planned change date (a late notice is warned of; nothing waits for the change date);
  archiving for new service tasks only needs no notice. That a new health-care service needs the Patient Data
  Repository is the organisation's own practice: seed 003 refers to the services' own instructions. A missing
  repository is taken into use first; the planning, a new service's application and the e-mail notice, which is about a change
  to a repository in use, wait for it (a provider that then stores only through its main joiner, or records only the organiser's
  data, sends no e-mail notice), the access-point notice does not. A new system is added in Kanta Extranet, and a new
  service or system is updated in Kela's customer data.
  For a new function in the system Kela decides the extent of the deployment test, which is then run.
  An optional deployment test is fixed and run again until it passes and is reported to Kela within two
  days, or Kela reminds the provider; the staff is trained. Seed 003 orders only planning first and testing before
  production use: once planned, every task opens side by side, and the deployment test waits only for the
  organisation's own test and Kela's decision on its extent; the report's deadline holds nothing else back.

  Palvelunantaja, joka jo käyttää Potilastietovarantoa tai Sosiaalihuollon asiakastietovarantoa, laajentaa
  käyttöä: se arkistoi uutta tietosisältöä, ottaa käyttöön uuden Kanta-palvelun (esimerkiksi
  Terveydenhuollon todistusten välitys tai Vanhojen potilastietojen arkistointi) tai uuden
  tietojärjestelmän. Päätöstaulu ratkaisee ilmoitukset heti, ja ne tehdään muun laajennuksen rinnalla ja toisistaan
  riippumatta; laajennus ei odota niitä, eikä kumpikaan ilmoitus odota toista. Palvelunantaja suunnittelee laajennuksen järjestelmätoimittajan ja tarvittaessa THL:n
  OPER-yksikön kanssa; organisaatio testaa oman järjestelmäkokonaisuutensa, mahdollisuuksien
  mukaan Kelan Kanta-asiakastestipalvelussa, ja varmistaa
  sertifioinnit; palvelunantaja päivittää omavalvontasuunnitelman ja rekisteritiedot. Ilmoitukset:
  asiakirjaryhmän tai järjestelmäprofiilin muutos (myös uusien asiakirjaryhmien, kuten vanhojen, I-vaiheen tai
  II-vaiheen asiakirjojen, tallentaminen) tai yli 500 000 asiakirjan kasvu ilmoitetaan sähköpostilla osoitteeseen kanta@kanta.fi, uusi tekninen liityntäpiste ilmoitetaan Kanta
  Ekstranetin muutosilmoituksella viimeistään kaksi viikkoa ennen suunniteltua muutospäivää (myöhästyneestä
  ilmoituksesta varoitetaan; muutospäivää ei odoteta), ja pelkkä arkistoinnin laajentaminen
  uusiin palvelutehtäviin ei vaadi ilmoitusta. Uusi järjestelmä lisätään Kanta Ekstranetissä, ja
  uusi palvelu tai järjestelmä päivitetään Kelan asiakkuustietoihin. Se, että terveydenhuollon uusi palvelu
  vaatii Potilastietovarannon, on organisaation oma käytäntö: lähde 003 viittaa palvelujen omiin ohjeisiin.
  Puuttuva tietovaranto otetaan ensin käyttöön; suunnittelu, uuden palvelun hakemus ja sähköposti-ilmoitus, joka koskee käytössä
  olevan tietovarannon muutosta, odottavat sitä (pääliittyjän kautta liittynyt tai vain järjestäjän tietoja tallentava ei
  lähetä sähköposti-ilmoitusta), liityntäpisteen ilmoitus ei odota.
  Järjestelmän uuden toiminnallisuuden käyttöönottokokeen laajuuden päättää Kela, ja koe tehdään.
  Epäonnistuneen käyttöönottokokeen syy korjataan ja koe tehdään uudelleen, kunnes se onnistuu; onnistunut
  koe raportoidaan Kelalle kahden päivän kuluessa kokeesta, tai Kela muistuttaa; henkilöstö koulutetaan. Lähde 003
  määrää vain, että ensin suunnitellaan ja että testataan ennen tuotantokäyttöä: suunnittelun jälkeen kaikki tehtävät
  avautuvat rinnakkain, ja käyttöönottokoe odottaa vain organisaation omaa testiä ja Kelan päätöstä sen laajuudesta;
  raportin määräaika ei pidättele mitään muuta.

  Tapausaihio: Päätöstaulu ratkaisee ilmoitukset Kelalle ja Kantaan heti kuvauksen jälkeen, ja ilmoitus tehdään suunnittelun rinnalla (<sääntö>)
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | <y_tunnus>             |
      | repository                       | <arkisto>              |
      | repositories_in_use              | ["<arkisto>"]          |
      | extension_kind                   | new_content            |
      | document_group_or_profile_change | <ryhmä_tai_profiili>   |
      | document_volume_growth           | <kasvu>                |
      | new_service_tasks_only           | <vain_palvelutehtävät> |
      | new_access_point                 | <liityntäpiste>        |
      | planned_change_date              | tänään + 30 päivää     |
    Niin vaihe "Päätä ilmoitukset Kelalle" on tehty
    Ja tiedon "notify_kanta_by_email" arvo on <sähköposti>
    Ja tiedon "access_point_notice" arvo on <liityntäpisteilmoitus>
    Ja tiedon "notice_reason" arvo on <peruste>
    Ja odottavia ajastimia on <ajastimia>
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                   |
      | palvelunantaja | <ilmoitus>                                                |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa       |
    Kun palvelunantaja tekee tehtävän "Suunnittele laajennus järjestelmätoimittajan kanssa" tiedoilla:
      | plan_agreed_on          | tänään    |
      | thl_oper_support_needed | ei        |
      | deployment_test_planned | kyllä     |
      | new_function_in_system  | ei        |
      | vendor_business_id      | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | <ilmoitus>                                              |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
    Kun palvelunantaja tekee tehtävän "Testaa järjestelmäkokonaisuus ja varmista sertifioinnit" tiedoilla:
      | tested                     | kyllä  |
      | tested_on                  | tänään |
      | customer_test_service_used | kyllä  |
      | system_certified           | kyllä  |
      | intermediary_certified     | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                           |
      | palvelunantaja | <ilmoitus>                                        |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot |
      | palvelunantaja | Kouluta henkilöstö                                |
      | palvelunantaja | Tee käyttöönottokoe                               |
    Kun palvelunantaja tekee tehtävän "Päivitä omavalvontasuunnitelma ja rekisteritiedot" tiedoilla:
      | self_monitoring_plan_updated_on | tänään |
      | register_entries_checked        | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä             |
      | palvelunantaja | <ilmoitus>          |
      | palvelunantaja | Kouluta henkilöstö  |
      | palvelunantaja | Tee käyttöönottokoe |
    Ja prosessi on käynnissä

    Tapaukset:
      | sääntö                                    | y_tunnus  | arkisto                   | liityntäpiste | ryhmä_tai_profiili | kasvu  | vain_palvelutehtävät | sähköposti | liityntäpisteilmoitus | peruste                                                               | ilmoitus                           | ajastimia |
      | liityntäpiste ja tasan 500 000 asiakirjaa | 5678912-7 | patient_data_repository   | kyllä         | ei                 | 500000 | ei                   | ei         | kyllä                 | uusi liityntäpiste: ilmoitus viimeistään kaksi viikkoa ennen muutosta | Tee liityntäpisteen muutosilmoitus | 1         |
      | järjestelmäprofiilin muutos               | 6789123-1 | social_welfare_repository | ei            | kyllä              | 0      | ei                   | kyllä      | ei                    | asiakirjaryhmän tai järjestelmäprofiilin muutos                       | Ilmoita Kantaan sähköpostilla      | 0         |
      | yli 500 000 asiakirjaa                    | 7891234-1 | social_welfare_repository | ei            | ei                 | 500001 | ei                   | kyllä      | ei                    | asiakirjamäärä kasvaa yli 500 000:lla                                 | Ilmoita Kantaan sähköpostilla      | 0         |
      | uudet palvelutehtävät ja merkittävä kasvu | 8912345-2 | social_welfare_repository | ei            | ei                 | 600000 | kyllä                | kyllä      | ei                    | asiakirjamäärä kasvaa yli 500 000:lla                                 | Ilmoita Kantaan sähköpostilla      | 0         |
      | Potilastietovaranto: liityntäpiste        | 7102151-1 | patient_data_repository   | kyllä         | kyllä              | 600000 | ei                   | ei         | kyllä                 | uusi liityntäpiste: ilmoitus viimeistään kaksi viikkoa ennen muutosta | Tee liityntäpisteen muutosilmoitus | 1         |

  Tapausaihio: Päätöstaulu vaatii molemmat ilmoitukset, ja ne avautuvat yhtä aikaa toisistaan riippumatta suunnittelun rinnalla (<sääntö>)
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | <y_tunnus>                    |
      | repository                       | social_welfare_repository     |
      | repositories_in_use              | ["social_welfare_repository"] |
      | extension_kind                   | new_content                   |
      | document_group_or_profile_change | <ryhmä_tai_profiili>          |
      | document_volume_growth           | <kasvu>                       |
      | new_service_tasks_only           | ei                            |
      | new_access_point                 | kyllä                         |
      | planned_change_date              | tänään + 30 päivää            |
    Niin vaihe "Päätä ilmoitukset Kelalle" on tehty
    Ja tiedon "notify_kanta_by_email" arvo on kyllä
    Ja tiedon "access_point_notice" arvo on kyllä
    Ja tiedon "notice_reason" arvo on <peruste>
    Ja ajastin "Liityntäpisteilmoitus myöhässä" laukeaa 17 päivän kuluttua
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Ilmoita Kantaan sähköpostilla                       |
      | palvelunantaja | Tee liityntäpisteen muutosilmoitus                  |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
    Ja prosessi on käynnissä

    Tapaukset:
      | sääntö                                  | y_tunnus  | ryhmä_tai_profiili | kasvu  | peruste                                                             |
      | liityntäpiste ja asiakirjaryhmän muutos | 2456781-0 | kyllä              | 0      | uusi liityntäpiste; asiakirjaryhmän tai järjestelmäprofiilin muutos |
      | liityntäpiste ja yli 500 000 asiakirjaa | 4567891-5 | ei                 | 500001 | uusi liityntäpiste; asiakirjamäärä kasvaa yli 500 000:lla           |

  Tapausaihio: Päätöstaulu ratkaisee, ettei ilmoitusta tarvita, ja suunnittelun jälkeen henkilöstö koulutetaan jo ennen testejä ja raporttia (<sääntö>)
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | <y_tunnus>             |
      | repository                       | <arkisto>              |
      | repositories_in_use              | ["<arkisto>"]          |
      | extension_kind                   | new_content            |
      | document_group_or_profile_change | <ryhmä_tai_profiili>   |
      | document_volume_growth           | <kasvu>                |
      | new_service_tasks_only           | <vain_palvelutehtävät> |
      | new_access_point                 | <liityntäpiste>        |
      | planned_change_date              | tänään + 30 päivää     |
    Niin vaihe "Päätä ilmoitukset Kelalle" on tehty
    Ja ajastimia ei ole
    Ja avoinna on vain tehtävä "Suunnittele laajennus järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Suunnittele laajennus järjestelmätoimittajan kanssa" tiedoilla:
      | plan_agreed_on          | tänään    |
      | thl_oper_support_needed | ei        |
      | deployment_test_planned | kyllä     |
      | new_function_in_system  | ei        |
      | vendor_business_id      | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
    Kun palvelunantaja tekee tehtävän "Kouluta henkilöstö" tiedoilla:
      | training_completed_on | tänään                   |
      | topics                | ["security_and_privacy"] |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
    Kun palvelunantaja tekee tehtävän "Testaa järjestelmäkokonaisuus ja varmista sertifioinnit" tiedoilla:
      | tested                     | kyllä  |
      | tested_on                  | tänään |
      | customer_test_service_used | kyllä  |
      | system_certified           | kyllä  |
      | intermediary_certified     | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                           |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot |
      | palvelunantaja | Tee käyttöönottokoe                               |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date | tänään |
      | result    | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                           |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan                   |
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Päivitä omavalvontasuunnitelma ja rekisteritiedot", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Päivitä omavalvontasuunnitelma ja rekisteritiedot" tiedoilla:
      | self_monitoring_plan_updated_on | tänään |
      | register_entries_checked        | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Laajennus käytössä"
    Ja tiedon "notify_kanta_by_email" arvo on <sähköposti>
    Ja tiedon "access_point_notice" arvo on <liityntäpisteilmoitus>
    Ja tiedon "notice_reason" arvo on <peruste>
    Ja vaihetta "Ilmoita Kantaan sähköpostilla" ei ole tehty
    Ja vaihetta "Tee liityntäpisteen muutosilmoitus" ei ole tehty

    Tapaukset:
      | sääntö                                    | y_tunnus  | arkisto                   | liityntäpiste | ryhmä_tai_profiili | kasvu  | vain_palvelutehtävät | sähköposti | liityntäpisteilmoitus | peruste                                   |
      | vain uudet palvelutehtävät, tasan 500 000 | 9123456-5 | social_welfare_repository | ei            | ei                 | 500000 | kyllä                | ei         | ei                    | vain uusia palvelutehtäviä: ei ilmoitusta |
      | muu laajennus, tasan 500 000 asiakirjaa   | 1357924-2 | patient_data_repository   | ei            | ei                 | 500000 | ei                   | ei         | ei                    | ilmoitusta ei tarvita                     |
      | Potilastietovaranto: ryhmämuutos ja kasvu | 7102150-3 | patient_data_repository   | ei            | kyllä              | 600000 | ei                   | ei         | ei                    | ilmoitusta ei tarvita                     |

  Tapausaihio: Uuden terveydenhuollon Kanta-palvelun käyttöönotto alkaa suunnittelulla järjestelmätoimittajan kanssa ja palvelun omalla hakemuksella rinnakkain (<palvelu>)
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | <y_tunnus>         |
      | repository                       | <arkisto>          |
      | repositories_in_use              | ["<arkisto>"]      |
      | extension_kind                   | new_service        |
      | new_service                      | <palvelu>          |
      | document_group_or_profile_change | ei                 |
      | document_volume_growth           | 0                  |
      | new_service_tasks_only           | ei                 |
      | new_access_point                 | ei                 |
      | planned_change_date              | tänään + 60 päivää |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
      | palvelunantaja | Hae uuden Kanta-palvelun käyttöönottoa           |
    Ja ajastimia ei ole
    Ja prosessi on käynnissä

    Tapaukset:
      | y_tunnus  | arkisto                 | palvelu             |
      | 3579246-6 | patient_data_repository | old_patient_records |
      | 5792468-5 | patient_data_repository | health_certificates |

  Tapaus: Resepti-palvelun käyttöönotto käytön laajennuksena on oma erillinen hakemus: koko Resepti-palvelun käyttöönotto etenee suunnittelun rinnalla
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102162-6
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102162-6                   |
      | repository                       | patient_data_repository     |
      | repositories_in_use              | ["patient_data_repository"] |
      | extension_kind                   | new_service                 |
      | new_service                      | prescription_service        |
      | document_group_or_profile_change | ei                          |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | ei                          |
      | planned_change_date              | tänään + 60 päivää          |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
      | palvelunantaja | Ota yhteyttä järjestelmätoimittajaan                |
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                             |
      | palvelunantaja        | Suunnittele laajennus järjestelmätoimittajan kanssa |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                             |
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
      | palvelunantaja | Tee valmistelevat tehtävät                          |
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä              |
      | security_plan_ready       | kyllä              |
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 4 viikkoa |
      | existing_kanta_customer   | kyllä              |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
      | palvelunantaja | Tee hallinnolliset toimet Kanta Ekstranetissä       |
    Kun palvelunantaja tekee tehtävän "Tee hallinnolliset toimet Kanta Ekstranetissä" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna ovat vain tehtävät "Suunnittele laajennus järjestelmätoimittajan kanssa", jonka tekee palvelunantaja, ja "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
      | palvelunantaja | Tee oman organisaation käyttöönoton tehtävät        |
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä |
      | deployment_check                  | none  |
      | production_readiness_verification | ei    |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen                 |
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään + 14 päivää |
    Niin vaihe "Resepti-palvelu käytössä" on tehty
    Ja avoinna on vain tehtävä "Suunnittele laajennus järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Ja vaihetta "Hae uuden Kanta-palvelun käyttöönottoa" ei ole tehty
    Ja prosessi on käynnissä

  Tapausaihio: THL:n OPER-yksikkö tukee suunnittelua vain tarvittaessa, ja laajennuksen tehtävät avautuvat rinnakkain suunnittelun jälkeen (tuki tarvitaan: <tuki>)
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | <y_tunnus>                    |
      | repository                       | social_welfare_repository     |
      | repositories_in_use              | ["social_welfare_repository"] |
      | extension_kind                   | new_content                   |
      | document_group_or_profile_change | ei                            |
      | document_volume_growth           | 12000                         |
      | new_service_tasks_only           | ei                            |
      | new_access_point                 | ei                            |
      | planned_change_date              | tänään + 45 päivää            |
    Niin avoinna on vain tehtävä "Suunnittele laajennus järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Suunnittele laajennus järjestelmätoimittajan kanssa" tiedoilla:
      | plan_agreed_on          | tänään    |
      | thl_oper_support_needed | <tuki>    |
      | deployment_test_planned | kyllä     |
      | new_function_in_system  | ei        |
      | vendor_business_id      | 2345678-0 |
    Niin avoinna on vain tehtävä "<seuraava tehtävä>", jonka tekee <osapuoli>
    Ja prosessi on käynnissä

    Tapaukset:
      | y_tunnus  | tuki  | seuraava tehtävä                                        | osapuoli       |
      | 6813579-6 | kyllä | Tue käyttöönoton suunnittelua                           | THL            |

  Tapaus: Ilman THL:n tukea laajennuksen tehtävät avautuvat rinnakkain heti suunnittelun jälkeen
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7924681-1
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7924681-1                     |
      | repository                       | social_welfare_repository     |
      | repositories_in_use              | ["social_welfare_repository"] |
      | extension_kind                   | new_content                   |
      | document_group_or_profile_change | ei                            |
      | document_volume_growth           | 12000                         |
      | new_service_tasks_only           | ei                            |
      | new_access_point                 | ei                            |
      | planned_change_date              | tänään + 45 päivää            |
    Niin avoinna on vain tehtävä "Suunnittele laajennus järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Suunnittele laajennus järjestelmätoimittajan kanssa" tiedoilla:
      | plan_agreed_on          | tänään    |
      | thl_oper_support_needed | ei        |
      | deployment_test_planned | kyllä     |
      | new_function_in_system  | ei        |
      | vendor_business_id      | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
    Ja vaihetta "Tue käyttöönoton suunnittelua" ei ole tehty
    Ja prosessi on käynnissä

  Tapaus: Uusi järjestelmä uudella liityntäpisteellä: molemmat ilmoitukset heti suunnittelun rinnalla, liityntäpisteilmoitus ajoissa ennen sähköposti-ilmoitusta, mikään ei odota muutospäivää, uusi järjestelmä lisätään Ekstranetissä jo ennen testejä, henkilöstö koulutetaan ennen raporttia, uusittu käyttöönottokoe ja raportti ajallaan
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102104-4
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102104-4                     |
      | repository                       | social_welfare_repository     |
      | repositories_in_use              | ["social_welfare_repository"] |
      | extension_kind                   | new_system                    |
      | document_group_or_profile_change | ei                            |
      | document_volume_growth           | 600000                        |
      | new_service_tasks_only           | ei                            |
      | new_access_point                 | kyllä                         |
      | planned_change_date              | tänään + 60 päivää            |
    Niin tiedon "notify_kanta_by_email" arvo on kyllä
    Ja tiedon "access_point_notice" arvo on kyllä
    Ja ajastin "Liityntäpisteilmoitus myöhässä" laukeaa 47 päivän kuluttua
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Ilmoita Kantaan sähköpostilla                       |
      | palvelunantaja | Tee liityntäpisteen muutosilmoitus                  |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
    Kun palvelunantaja yrittää tehdä tehtävän "Tee liityntäpisteen muutosilmoitus" tiedoilla:
      | notice_filed_on  | tänään     |
      | access_point_oid | 2.16.840.1 |
    Niin lomake hylätään kentän "access_point_oid" kohdalta
    Kun palvelunantaja tekee tehtävän "Tee liityntäpisteen muutosilmoitus" tiedoilla:
      | notice_filed_on  | tänään                       |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin ajastimia ei ole
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Ilmoita Kantaan sähköpostilla                       |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
    Ja vaihetta "Ilmoita Kantaan sähköpostilla" ei ole tehty
    Kun palvelunantaja yrittää tehdä tehtävän "Ilmoita Kantaan sähköpostilla" tiedoilla:
      | email_sent_on   | tänään                                     |
      | sent_to         | kirjaamo@kela.fi                           |
      | notified_change | Asiakirjamäärä kasvaa 600 000 asiakirjalla |
    Niin lomake hylätään kentän "sent_to" kohdalta
    Kun palvelunantaja tekee tehtävän "Ilmoita Kantaan sähköpostilla" tiedoilla:
      | email_sent_on   | tänään                                     |
      | sent_to         | kanta@kanta.fi                             |
      | notified_change | Asiakirjamäärä kasvaa 600 000 asiakirjalla |
    Niin avoinna on vain tehtävä "Suunnittele laajennus järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Suunnittele laajennus järjestelmätoimittajan kanssa" tiedoilla:
      | plan_agreed_on          | tänään    |
      | thl_oper_support_needed | kyllä     |
      | deployment_test_planned | kyllä     |
      | new_function_in_system  | ei        |
      | vendor_business_id      | 2345678-0 |
    Niin avoinna on vain tehtävä "Tue käyttöönoton suunnittelua", jonka tekee THL
    Kun THL tekee tehtävän "Tue käyttöönoton suunnittelua" tiedoilla:
      | support_given_on | tänään                                             |
      | advice           | Asiakirjaryhmät ja järjestelmäprofiili tarkistettu |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
      | palvelunantaja | Lisää uusi järjestelmä Kanta Ekstranetissä              |
      | palvelunantaja | Päivitä Kelan asiakkuustiedot                           |
    Kun palvelunantaja tekee tehtävän "Lisää uusi järjestelmä Kanta Ekstranetissä" tiedoilla:
      | system_name      | SosiaaliX 2 |
      | added_on         | tänään      |
      | system_certified | kyllä       |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
      | palvelunantaja | Päivitä Kelan asiakkuustiedot                           |
    Kun palvelunantaja tekee tehtävän "Päivitä Kelan asiakkuustiedot" tiedoilla:
      | customer_data_updated_on | tänään                                        |
      | what_changed             | Uusi järjestelmä SosiaaliX 2 ja liityntäpiste |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
    Kun palvelunantaja tekee tehtävän "Testaa järjestelmäkokonaisuus ja varmista sertifioinnit" tiedoilla:
      | tested                     | kyllä  |
      | tested_on                  | tänään |
      | customer_test_service_used | kyllä  |
      | system_certified           | kyllä  |
      | intermediary_certified     | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                           |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot |
      | palvelunantaja | Kouluta henkilöstö                                |
      | palvelunantaja | Tee käyttöönottokoe                               |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date | tänään |
      | result    | failed |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Päivitä omavalvontasuunnitelma ja rekisteritiedot |
      | palvelunantaja        | Kouluta henkilöstö                                |
      | järjestelmätoimittaja | Korjaa kokeen virhe                               |
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa kokeen virhe" tiedoilla:
      | fault    | Järjestelmäprofiili väärin asiakirjan otsikossa |
      | fixed_on | tänään                                          |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                           |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot |
      | palvelunantaja | Kouluta henkilöstö                                |
      | palvelunantaja | Tee käyttöönottokoe                               |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date | tänään |
      | result    | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                           |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot |
      | palvelunantaja | Kouluta henkilöstö                                |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan                   |
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Kouluta henkilöstö" tiedoilla:
      | training_completed_on | tänään                                                               |
      | topics                | ["national_practices", "security_and_privacy", "archive_management"] |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                           |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan                   |
    Kun aikaa on kulunut kaksi päivää
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                           |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan                   |
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Päivitä omavalvontasuunnitelma ja rekisteritiedot", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Päivitä omavalvontasuunnitelma ja rekisteritiedot" tiedoilla:
      | self_monitoring_plan_updated_on | tänään |
      | register_entries_checked        | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Laajennus käytössä"
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Tee käyttöönottokoe" on tehty 2 kertaa
    Ja vaihe "Korjaa kokeen virhe" on tehty kerran
    Ja ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja vaihetta "Pyydä puuttuvaa koeraporttia" ei ole tehty

  Tapaus: Uusi palvelu omalla hakemuksellaan, ilman ilmoituksia ja käyttöönottokoetta
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102102-8
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 1234567-2                   |
      | repository                       | patient_data_repository     |
      | repositories_in_use              | ["patient_data_repository"] |
      | extension_kind                   | new_service                 |
      | new_service                      | health_certificates         |
      | document_group_or_profile_change | ei                          |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | ei                          |
      | planned_change_date              | tänään + 60 päivää          |
    Niin lomake hylätään kentän "business_id" kohdalta
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102102-8                   |
      | repository                       | patient_data_repository     |
      | repositories_in_use              | ["patient_data_repository"] |
      | extension_kind                   | new_service                 |
      | new_service                      | health_certificates         |
      | document_group_or_profile_change | ei                          |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | ei                          |
      | planned_change_date              | tänään + 60 päivää          |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
      | palvelunantaja | Hae uuden Kanta-palvelun käyttöönottoa           |
    Kun palvelunantaja yrittää tehdä tehtävän "Hae uuden Kanta-palvelun käyttöönottoa" tiedoilla:
      | service_instructions_followed | kyllä  |
      | application_filed_on          | tänään |
      | filed_outside_extranet        | ei     |
    Niin lomake hylätään kentän "filed_outside_extranet" kohdalta
    Kun palvelunantaja tekee tehtävän "Hae uuden Kanta-palvelun käyttöönottoa" tiedoilla:
      | service_instructions_followed | kyllä  |
      | application_filed_on          | tänään |
      | filed_outside_extranet        | kyllä  |
    Niin avoinna on vain tehtävä "Suunnittele laajennus järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Suunnittele laajennus järjestelmätoimittajan kanssa" tiedoilla:
      | plan_agreed_on          | tänään    |
      | thl_oper_support_needed | ei        |
      | deployment_test_planned | ei        |
      | new_function_in_system  | ei        |
      | vendor_business_id      | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
      | palvelunantaja | Päivitä Kelan asiakkuustiedot                           |
    Kun palvelunantaja yrittää tehdä tehtävän "Testaa järjestelmäkokonaisuus ja varmista sertifioinnit" tiedoilla:
      | tested                 | ei    |
      | system_certified       | kyllä |
      | intermediary_certified | kyllä |
    Niin lomake hylätään kentän "why_not_tested" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
      | palvelunantaja | Päivitä Kelan asiakkuustiedot                           |
    Kun palvelunantaja tekee tehtävän "Päivitä Kelan asiakkuustiedot" tiedoilla:
      | customer_data_updated_on | tänään                               |
      | what_changed             | Terveydenhuollon todistusten välitys |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Testaa järjestelmäkokonaisuus ja varmista sertifioinnit" tiedoilla:
      | tested                 | ei                                                    |
      | why_not_tested         | Todistusten välitys ei muuta järjestelmäkokonaisuutta |
      | system_certified       | kyllä                                                 |
      | intermediary_certified | kyllä                                                 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                           |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot |
      | palvelunantaja | Kouluta henkilöstö                                |
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Päivitä omavalvontasuunnitelma ja rekisteritiedot" tiedoilla:
      | self_monitoring_plan_updated_on | tänään |
      | register_entries_checked        | kyllä  |
    Niin avoinna on vain tehtävä "Kouluta henkilöstö", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kouluta henkilöstö" tiedoilla:
      | training_completed_on | tänään                   |
      | topics                | ["security_and_privacy"] |
    Niin prosessi on päättynyt tapahtumaan "Laajennus käytössä"
    Ja tiedon "notify_kanta_by_email" arvo on ei
    Ja tiedon "access_point_notice" arvo on ei
    Ja tiedon "notice_reason" arvo on ilmoitusta ei tarvita
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Tue käyttöönoton suunnittelua" ei ole tehty
    Ja vaihetta "Ilmoita Kantaan sähköpostilla" ei ole tehty
    Ja vaihetta "Tee liityntäpisteen muutosilmoitus" ei ole tehty
    Ja vaihetta "Lisää uusi järjestelmä Kanta Ekstranetissä" ei ole tehty
    Ja vaihetta "Tee käyttöönottokoe" ei ole tehty

  Tapaus: Uuden toiminnallisuuden kokeen laajuuden päättää Kela muiden tehtävien rinnalla, koe odottaa sitä ja organisaation omaa testiä, henkilöstö koulutetaan ennen raporttia, ja kun raportti puuttuu kahden päivän kuluttua onnistuneesta kokeesta, Kela muistuttaa palvelunantajaa
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102103-6
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102103-6                   |
      | repository                       | patient_data_repository     |
      | repositories_in_use              | ["patient_data_repository"] |
      | extension_kind                   | new_content                 |
      | document_group_or_profile_change | ei                          |
      | document_volume_growth           | 40000                       |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | ei                          |
      | planned_change_date              | tänään + 30 päivää          |
    Niin avoinna on vain tehtävä "Suunnittele laajennus järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Suunnittele laajennus järjestelmätoimittajan kanssa" tiedoilla:
      | plan_agreed_on          | tänään    |
      | thl_oper_support_needed | ei        |
      | deployment_test_planned | ei        |
      | new_function_in_system  | kyllä     |
      | vendor_business_id      | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
      | Kela           | Arvioi käyttöönottokokeen laajuus                       |
    Kun Kela tekee tehtävän "Arvioi käyttöönottokokeen laajuus" tiedoilla:
      | decided_on  | tänään                                            |
      | test_extent | Uuden toiminnallisuuden asiakirjat ja niiden haku |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
    Kun palvelunantaja tekee tehtävän "Päivitä omavalvontasuunnitelma ja rekisteritiedot" tiedoilla:
      | self_monitoring_plan_updated_on | tänään |
      | register_entries_checked        | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Kouluta henkilöstö                                      |
    Kun palvelunantaja tekee tehtävän "Testaa järjestelmäkokonaisuus ja varmista sertifioinnit" tiedoilla:
      | tested                     | kyllä  |
      | tested_on                  | tänään |
      | customer_test_service_used | kyllä  |
      | system_certified           | kyllä  |
      | intermediary_certified     | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä             |
      | palvelunantaja | Kouluta henkilöstö  |
      | palvelunantaja | Tee käyttöönottokoe |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date | tänään - 1 päivä |
      | result    | passed           |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                         |
      | palvelunantaja | Kouluta henkilöstö              |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan |
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 2 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Kouluta henkilöstö" tiedoilla:
      | training_completed_on | tänään                                       |
      | topics                | ["national_practices", "archive_management"] |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 1 päivän kuluttua
    Ja avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" on lauennut kerran
    Ja ajastimia ei ole
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                         |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan                 |
      | Kela           | Pyydä puuttuvaa koeraporttia |
    Kun Kela yrittää tehdä tehtävän "Pyydä puuttuvaa koeraporttia" tiedoilla:
      | reminded_on | tänään |
      | channel     | kirje  |
    Niin lomake hylätään kentän "channel" kohdalta
    Ja vaihetta "Muistutus lähetetty" ei ole tehty
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                         |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan                 |
      | Kela           | Pyydä puuttuvaa koeraporttia |
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
      | Muistutus lähetetty |
      | Laajennus käytössä  |
    Ja avoimia tehtäviä ei ole
    Ja ajastin "Raportin määräaika ylittynyt" on lauennut kerran
    Ja tiedon "notice_reason" arvo on ilmoitusta ei tarvita

  Tapaus: Liityntäpisteilmoitus myöhästyy: palvelunantajaa varoitetaan, eikä muu laajennus odota ilmoitusta eikä muutospäivää
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102140-7
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102140-7                   |
      | repository                       | patient_data_repository     |
      | repositories_in_use              | ["patient_data_repository"] |
      | extension_kind                   | new_system                  |
      | document_group_or_profile_change | ei                          |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | kyllä                       |
      | planned_change_date              | tänään + 20 päivää          |
    Niin tiedon "notify_kanta_by_email" arvo on ei
    Ja tiedon "access_point_notice" arvo on kyllä
    Ja ajastin "Liityntäpisteilmoitus myöhässä" laukeaa 7 päivän kuluttua
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Tee liityntäpisteen muutosilmoitus                  |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
    Kun aikaa on kulunut 6 päivää
    Niin ajastin "Liityntäpisteilmoitus myöhässä" ei ole lauennut
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Tee liityntäpisteen muutosilmoitus                  |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Liityntäpisteilmoitus myöhässä" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Tee liityntäpisteen muutosilmoitus                  |
      | palvelunantaja | Huomioi liityntäpisteilmoituksen myöhästyminen      |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
    Kun palvelunantaja tekee tehtävän "Huomioi liityntäpisteilmoituksen myöhästyminen" tiedoilla:
      | noted_on | tänään                                              |
      | note     | Muutospäivä pidetään, Kelan kanssa sovittu erikseen |
    Niin vaihe "Myöhästyminen huomioitu" on tehty
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Tee liityntäpisteen muutosilmoitus                  |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
    Kun palvelunantaja tekee tehtävän "Tee liityntäpisteen muutosilmoitus" tiedoilla:
      | notice_filed_on  | tänään                       |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin ajastimia ei ole
    Ja avoinna on vain tehtävä "Suunnittele laajennus järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Suunnittele laajennus järjestelmätoimittajan kanssa" tiedoilla:
      | plan_agreed_on          | tänään    |
      | thl_oper_support_needed | ei        |
      | deployment_test_planned | ei        |
      | new_function_in_system  | ei        |
      | vendor_business_id      | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
      | palvelunantaja | Lisää uusi järjestelmä Kanta Ekstranetissä              |
      | palvelunantaja | Päivitä Kelan asiakkuustiedot                           |
    Kun palvelunantaja tekee tehtävän "Lisää uusi järjestelmä Kanta Ekstranetissä" tiedoilla:
      | system_name      | PotilasX 3 |
      | added_on         | tänään     |
      | system_certified | kyllä      |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
      | palvelunantaja | Päivitä Kelan asiakkuustiedot                           |
    Ja ajastimia ei ole
    Ja prosessi on käynnissä

  Tapaus: Sosiaalihuollon vanhat sekä I- ja II-vaiheen asiakirjat ovat Sosiaalihuollon asiakastietovarannon (ent. Sosiaalihuollon asiakastiedon arkisto) uutta tietosisältöä ja asiakirjaryhmän laajennus, josta ilmoitetaan sähköpostilla, ja terveydenhuollon uudet palvelut kuuluvat Potilastietovarantoon (ent. Potilastiedon arkisto)
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102161-8
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102161-8                     |
      | repository                       | social_welfare_repository     |
      | repositories_in_use              | ["social_welfare_repository"] |
      | extension_kind                   | new_service                   |
      | new_service                      | health_certificates           |
      | document_group_or_profile_change | ei                            |
      | document_volume_growth           | 0                             |
      | new_service_tasks_only           | ei                            |
      | new_access_point                 | ei                            |
      | planned_change_date              | tänään + 60 päivää            |
    Niin lomake hylätään kentän "repository" kohdalta
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102161-8                   |
      | repository                       | patient_data_repository     |
      | repositories_in_use              | ["patient_data_repository"] |
      | extension_kind                   | new_content                 |
      | new_document_groups              | ["old_documents"]           |
      | document_group_or_profile_change | kyllä                       |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | ei                          |
      | planned_change_date              | tänään + 60 päivää          |
    Niin lomake hylätään kentän "repository" kohdalta
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102161-8                     |
      | repository                       | social_welfare_repository     |
      | repositories_in_use              | ["social_welfare_repository"] |
      | extension_kind                   | new_content                   |
      | new_document_groups              | ["phase_2_documents"]         |
      | document_group_or_profile_change | ei                            |
      | document_volume_growth           | 0                             |
      | new_service_tasks_only           | ei                            |
      | new_access_point                 | ei                            |
      | planned_change_date              | tänään + 60 päivää            |
    Niin lomake hylätään kentän "document_group_or_profile_change" kohdalta
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102161-8                                                   |
      | repository                       | social_welfare_repository                                   |
      | repositories_in_use              | ["social_welfare_repository"]                               |
      | extension_kind                   | new_content                                                 |
      | new_document_groups              | ["old_documents", "phase_1_documents", "phase_2_documents"] |
      | document_group_or_profile_change | kyllä                                                       |
      | document_volume_growth           | 0                                                           |
      | new_service_tasks_only           | ei                                                          |
      | new_access_point                 | ei                                                          |
      | planned_change_date              | tänään + 60 päivää                                          |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Ilmoita Kantaan sähköpostilla                       |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
    Ja tiedon "new_document_groups" arvo on ["old_documents", "phase_1_documents", "phase_2_documents"]
    Ja tiedon "notify_kanta_by_email" arvo on kyllä
    Ja tiedon "notice_reason" arvo on asiakirjaryhmän tai järjestelmäprofiilin muutos
    Ja ajastimia ei ole
    Ja prosessi on käynnissä

  Tapaus: Palvelunantaja, joka ei vielä käytä kumpaakaan tietovarantoa, ei laajenna käyttöä vaan liittyy ensin Kantaan
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102162-6
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102162-6               |
      | repositories_in_use              | []                      |
      | repository                       | patient_data_repository |
      | extension_kind                   | new_system              |
      | document_group_or_profile_change | ei                      |
      | document_volume_growth           | 0                       |
      | new_service_tasks_only           | ei                      |
      | new_access_point                 | ei                      |
      | planned_change_date              | tänään + 60 päivää      |
    Niin prosessi on päättynyt tapahtumaan "Ei käytön laajennus: liity ensin Kantaan"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Suunnittele laajennus järjestelmätoimittajan kanssa" ei ole tehty

  Tapaus: Organisaation oma käytäntö: terveydenhuollon todistusten välitykseen otetaan ensin Potilastietovaranto, jota sosiaalihuollon palvelunantaja ei vielä käytä, koko käyttöönottona
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102163-4
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102163-4                     |
      | repositories_in_use              | ["social_welfare_repository"] |
      | repository                       | patient_data_repository       |
      | extension_kind                   | new_service                   |
      | new_service                      | health_certificates           |
      | document_group_or_profile_change | ei                            |
      | document_volume_growth           | 0                             |
      | new_service_tasks_only           | ei                            |
      | new_access_point                 | ei                            |
      | planned_change_date              | tänään + 90 päivää            |
    Niin avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Ja tiedon "business_id" arvo on 7102163-4
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoinna on vain tehtävä "Lähetä valmisteluohjeet", jonka tekee järjestelmätoimittaja
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
      | organisation_oid          | 1.2.246.10.7102163.10.0 |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 4 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
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
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                             |
      | palvelunantaja | Suunnittele laajennus järjestelmätoimittajan kanssa |
      | palvelunantaja | Hae uuden Kanta-palvelun käyttöönottoa           |
    Ja tiedon "patient_data_repository_report_sent_on" arvo on tänään
    Ja vaihe "Potilastietovaranto käytössä" on tehty

  Tapaus: Sosiaalihuollon vanhat asiakirjat vaativat Sosiaalihuollon asiakastietovarannon, jota ei vielä käytetä: sen käyttöönotto tehdään ensin kysymättä tunnistetietoja uudelleen, tässä pääliittyjän kautta, eikä asiakirjaryhmästä ilmoiteta Kantaan, koska palvelunantaja ei ole itse aloittanut tallentamista, ja yhteisliittymän jäsen sopii laajennuksesta pääliittyjänsä kanssa, jonka järjestelmää se käyttää, eikä suunnittele sitä omana asiakkaana järjestelmätoimittajan kanssa
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102164-2
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102164-2                   |
      | repositories_in_use              | ["patient_data_repository"] |
      | repository                       | social_welfare_repository   |
      | extension_kind                   | new_content                 |
      | new_document_groups              | ["old_documents"]           |
      | document_group_or_profile_change | kyllä                       |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | ei                          |
      | planned_change_date              | tänään + 90 päivää          |
    Niin avoinna on vain tehtävä "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Ja vaihe "Päätä ilmoitukset Kelalle" on tehty kerran
    Ja vaihetta "Suunnittele laajennus järjestelmätoimittajan kanssa" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | contact_email      | kanta@example.fi              |
      | service_provision  | purchased_services_for_county |
      | county_business_id | 4567123-8                     |
    Niin avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model      | joint_member |
      | vendor_business_id | 2345678-0    |
    Niin avoinna on vain tehtävä "Sovi yhteisliittymisestä pääliittyjän kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa" tiedoilla:
      | main_joiner_business_id                   | 1234567-1                       |
      | main_joiner_name                          | Sosiaalipalvelut Pääliittyjä Oy |
      | agreement_date                            | tänään                          |
      | security_plan                             | main_joiner_plan_covers_us      |
      | main_joiner_system_has_registry_use_right | kyllä                           |
    Niin avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | secure_email |
      | client_rights_agreed | kyllä        |
      | agreed_on            | tänään       |
    Niin avoinna on vain tehtävä "Sovi laajennuksesta pääliittyjän kanssa", jonka tekee palvelunantaja
    Ja vaihetta "Suunnittele laajennus järjestelmätoimittajan kanssa" ei ole tehty
    Ja vaihetta "Ilmoita Kantaan sähköpostilla" ei ole tehty
    Ja tiedon "social_care_joining_model" arvo on joint_member
    Ja vaihe "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" on tehty kerran
    Ja vaihetta "Tutustu käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Sovi laajennuksesta pääliittyjän kanssa" tiedoilla:
      | plan_agreed_on          | tänään    |
      | thl_oper_support_needed | ei        |
      | deployment_test_planned | kyllä     |
      | new_function_in_system  | ei        |
      | vendor_business_id      | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Testaa järjestelmäkokonaisuus ja varmista sertifioinnit |
      | palvelunantaja | Päivitä omavalvontasuunnitelma ja rekisteritiedot       |
      | palvelunantaja | Kouluta henkilöstö                                      |
    Ja vaihetta "Suunnittele laajennus järjestelmätoimittajan kanssa" ei ole tehty
    Ja vaihetta "Tue käyttöönoton suunnittelua" ei ole tehty
    Ja prosessi on käynnissä

  Tapaus: Rinnakkaisliittyjä, joka tallentaa vain järjestäjän tietoja hyvinvointialueen järjestelmään, ei liity itse eikä ilmoita asiakirjaryhmästä Kantaan, mutta liityntäpisteestä se ilmoittaa käyttöönoton rinnalla
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102166-9
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102166-9                   |
      | repositories_in_use              | ["patient_data_repository"] |
      | repository                       | social_welfare_repository   |
      | extension_kind                   | new_content                 |
      | new_document_groups              | ["phase_2_documents"]       |
      | document_group_or_profile_change | kyllä                       |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | kyllä                       |
      | planned_change_date              | tänään + 90 päivää          |
    Niin avoinna ovat vain tehtävät "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja, ja "Tee liityntäpisteen muutosilmoitus", jonka tekee palvelunantaja
    Ja tiedon "notify_kanta_by_email" arvo on kyllä
    Kun palvelunantaja tekee tehtävän "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | contact_email      | kanta@example.fi              |
      | service_provision  | purchased_services_for_county |
      | county_business_id | 4567123-8                     |
    Niin avoinna ovat vain tehtävät "Valitse liittymismalli", jonka tekee palvelunantaja, ja "Tee liityntäpisteen muutosilmoitus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model            | parallel  |
      | has_own_certified_system | ei        |
      | county_business_id       | 4567123-8 |
    Niin avoinna ovat vain tehtävät "Päätä, tarjoaako hyvinvointialue järjestelmäänsä", jonka tekee hyvinvointialue, ja "Tee liityntäpisteen muutosilmoitus", jonka tekee palvelunantaja
    Kun hyvinvointialue tekee tehtävän "Päätä, tarjoaako hyvinvointialue järjestelmäänsä" tiedoilla:
      | county_name                       | Pirkanmaan hyvinvointialue |
      | organiser_business_id             | 0737546-2                  |
      | county_offers_system              | kyllä                      |
      | parallel_joining_requirements_met | kyllä                      |
    Niin avoinna ovat vain tehtävät "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan", jonka tekee palvelunantaja, ja "Tee liityntäpisteen muutosilmoitus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Vahvista, mitä hyvinvointialueen järjestelmään tallennetaan" tiedoilla:
      | records_only_organiser_data | kyllä  |
      | confirmed_on                | tänään |
    Niin avoinna ovat vain tehtävät "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja, ja "Tee liityntäpisteen muutosilmoitus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | other_electronic |
      | client_rights_agreed | kyllä            |
      | agreed_on            | tänään           |
    Niin avoinna ovat vain tehtävät "Suunnittele laajennus järjestelmätoimittajan kanssa", jonka tekee palvelunantaja, ja "Tee liityntäpisteen muutosilmoitus", jonka tekee palvelunantaja
    Ja vaihe "Ei omaa liittymistä: tallentaa järjestäjän rekisteriin" on tehty
    Ja tiedon "social_care_joining_model" arvo on parallel
    Ja vaihetta "Ilmoita Kantaan sähköpostilla" ei ole tehty

  Tapaus: Sosiaalihuollon asiakastietovarannon käyttöönotto hylkää potilastietojärjestelmän, jolloin käyttöä ei laajenneta, sen rinnalla avoinna ollut liityntäpisteen ilmoitus raukeaa eikä asiakirjaryhmästä ilmoiteta
    Oletetaan palvelunantajan aloittaneen prosessin "Käytön laajennus" Y-tunnukselle 7102165-0
    Ja avoinna on vain tehtävä "Kuvaa käytön laajennus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kuvaa käytön laajennus" tiedoilla:
      | business_id                      | 7102165-0                   |
      | repositories_in_use              | ["patient_data_repository"] |
      | repository                       | social_welfare_repository   |
      | extension_kind                   | new_content                 |
      | new_document_groups              | ["phase_1_documents"]       |
      | document_group_or_profile_change | kyllä                       |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | kyllä                       |
      | planned_change_date              | tänään + 90 päivää          |
    Niin avoinna ovat vain tehtävät "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja, ja "Tee liityntäpisteen muutosilmoitus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tutustu Sosiaalihuollon asiakastietovarannon käyttöönottoon ja ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | service_provision  | self_paying_clients_only |
    Niin avoinna ovat vain tehtävät "Valitse liittymismalli", jonka tekee palvelunantaja, ja "Tee liityntäpisteen muutosilmoitus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model      | direct    |
      | vendor_business_id | 2345678-0 |
    Niin avoinna ovat vain tehtävät "Kuvaa asiakastietojärjestelmä", jonka tekee järjestelmätoimittaja, ja "Tee liityntäpisteen muutosilmoitus", jonka tekee palvelunantaja
    Kun järjestelmätoimittaja tekee tehtävän "Kuvaa asiakastietojärjestelmä" tiedoilla:
      | system_name                  | PotilasY                     |
      | system_kind                  | patient_information_system   |
      | system_certified             | kyllä                        |
      | system_phase                 | phase_1                      |
      | system_profile               | Vaiheen 1 perustoiminnot     |
      | registry_use_right_supported | ei                           |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1 |
    Niin prosessi on päättynyt tapahtumaan "Ei laajennettu: tarvitaan sertifioitu asiakastietojärjestelmä"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Suunnittele laajennus järjestelmätoimittajan kanssa" ei ole tehty
    Ja vaihetta "Ilmoita Kantaan sähköpostilla" ei ole tehty
    Ja vaihetta "Tee liityntäpisteen muutosilmoitus" ei ole tehty
