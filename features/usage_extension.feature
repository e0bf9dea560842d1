# language: fi
Ominaisuus: Kanta-palvelujen käytön laajentaminen
  In English: a service provider that already uses the Patient Data Repository or the Social Welfare
  Client Data Repository extends its use (seed 003): it archives new content, takes a new Kanta service
  into use (e.g. the exchange of health-care certificates or the archiving of old patient records) or takes
  a new information system into use. The provider plans the extension
  with its system vendor, with the support of THL's OPER unit when needed; the organisation tests its own set-up,
  where possible in Kela's customer test service, and makes sure the system and the intermediary are certified; the provider updates
  its self-monitoring plan and register entries. A decision table decides the notices: a document group or
  system profile change, or more than 500,000 more documents, is notified by e-mail to kanta@kanta.fi; a
  new technical access point is announced with the change form in Kanta Extranet at the latest two weeks
  before the planned change date (a late notice is warned of, and the process then waits for the change
  date); archiving for new service tasks only needs no notice. A new system is added in Kanta Extranet, and a new
  service or system is updated in Kela's customer data.
  For a new function in the system Kela decides the extent of the deployment test, which is then run.
  An optional deployment test is fixed and run again until it passes and is reported to Kela within two
  days, or Kela reminds the provider. Finally the staff is trained.

  Palvelunantaja, joka jo käyttää Potilastietovarantoa tai Sosiaalihuollon asiakastietovarantoa, laajentaa
  käyttöä: se arkistoi uutta tietosisältöä, ottaa käyttöön uuden Kanta-palvelun (esimerkiksi
  Terveydenhuollon todistusten välitys tai Vanhojen potilastietojen arkistointi) tai uuden
  tietojärjestelmän. Palvelunantaja suunnittelee laajennuksen järjestelmätoimittajan ja tarvittaessa THL:n
  OPER-yksikön kanssa; organisaatio testaa oman järjestelmäkokonaisuutensa, mahdollisuuksien
  mukaan Kelan Kanta-asiakastestipalvelussa, ja varmistaa
  sertifioinnit; palvelunantaja päivittää omavalvontasuunnitelman ja rekisteritiedot. Päätöstaulu ratkaisee
  ilmoitukset: asiakirjaryhmän tai järjestelmäprofiilin muutos tai yli 500 000 asiakirjan kasvu
  ilmoitetaan sähköpostilla osoitteeseen kanta@kanta.fi, uusi tekninen liityntäpiste ilmoitetaan Kanta
  Ekstranetin muutosilmoituksella viimeistään kaksi viikkoa ennen suunniteltua muutospäivää (myöhästyneestä
  ilmoituksesta varoitetaan, ja sitten odotetaan muutospäivää), ja pelkkä arkistoinnin laajentaminen
  uusiin palvelutehtäviin ei vaadi ilmoitusta. Uusi järjestelmä lisätään Kanta Ekstranetissä, ja
  uusi palvelu tai järjestelmä päivitetään Kelan asiakkuustietoihin.
  Järjestelmän uuden toiminnallisuuden käyttöönottokokeen laajuuden päättää Kela, ja koe tehdään.
  Käyttöönottokoe korjataan ja tehdään uudelleen, kunnes se onnistuu, ja raportoidaan Kelalle kahden
  päivän kuluessa, tai Kela muistuttaa. Lopuksi henkilöstö koulutetaan.

  Tapausaihio: Päätöstaulu ratkaisee ilmoitukset Kelalle ja Kantaan (<sääntö>)
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
      | business_id                      | <y_tunnus>             |
      | repository                       | <arkisto>              |
      | repositories_in_use              | ["<arkisto>"]          |
      | extension_kind                   | new_content            |
      | document_group_or_profile_change | <ryhmä_tai_profiili>   |
      | document_volume_growth           | <kasvu>                |
      | new_service_tasks_only           | <vain_palvelutehtävät> |
      | new_access_point                 | <liityntäpiste>        |
      | planned_change_date              | tänään + 30 päivää     |
    Niin avoinna on vain tehtävä "Plan the extension with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Plan the extension with the vendor" tiedoilla:
      | plan_agreed_on          | tänään |
      | thl_oper_support_needed | ei     |
      | deployment_test_planned | kyllä  |
      | new_function_in_system  | ei     |
    Niin avoinna on vain tehtävä "Test in Kela's customer test service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Test in Kela's customer test service" tiedoilla:
      | customer_test_date     | tänään |
      | system_certified       | kyllä  |
      | intermediary_certified | kyllä  |
    Niin avoinna on vain tehtävä "Update the self-monitoring plan and register entries", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Update the self-monitoring plan and register entries" tiedoilla:
      | self_monitoring_plan_updated_on | tänään |
      | register_entries_checked        | kyllä  |
    Niin vaihe "Decide the notices to Kela" on tehty
    Ja tieto "notify_kanta_by_email" on <sähköposti>
    Ja tieto "access_point_notice" on <liityntäpisteilmoitus>
    Ja tieto "notice_reason" on <peruste>
    Ja avoinna on vain tehtävä "<seuraava tehtävä>", jonka tekee palvelunantaja
    Ja odottavia ajastimia on <ajastimia>
    Ja prosessi on käynnissä

    Tapaukset:
      | sääntö                                    | y_tunnus  | arkisto                   | liityntäpiste | ryhmä_tai_profiili | kasvu  | vain_palvelutehtävät | sähköposti | liityntäpisteilmoitus | peruste                                                   | seuraava tehtävä                    | ajastimia |
      | liityntäpiste ja asiakirjaryhmän muutos   | 2456781-0 | social_welfare_repository | kyllä         | kyllä              | 0      | ei                   | kyllä      | kyllä                 | new access point; document group or system profile change | Notify Kanta by e-mail              | 0         |
      | liityntäpiste ja yli 500 000 asiakirjaa   | 4567891-5 | social_welfare_repository | kyllä         | ei                 | 500001 | ei                   | kyllä      | kyllä                 | new access point; volume grows by over 500,000            | Notify Kanta by e-mail              | 0         |
      | liityntäpiste ja tasan 500 000 asiakirjaa | 5678912-7 | patient_data_repository   | kyllä         | ei                 | 500000 | ei                   | ei         | kyllä                 | new access point: notice at least two weeks ahead         | File the access-point change notice | 1         |
      | järjestelmäprofiilin muutos               | 6789123-1 | social_welfare_repository | ei            | kyllä              | 0      | ei                   | kyllä      | ei                    | document group or system profile change                   | Notify Kanta by e-mail              | 0         |
      | yli 500 000 asiakirjaa                    | 7891234-1 | social_welfare_repository | ei            | ei                 | 500001 | ei                   | kyllä      | ei                    | document volume grows by over 500,000                     | Notify Kanta by e-mail              | 0         |
      | uudet palvelutehtävät ja merkittävä kasvu | 8912345-2 | social_welfare_repository | ei            | ei                 | 600000 | kyllä                | kyllä      | ei                    | document volume grows by over 500,000                     | Notify Kanta by e-mail              | 0         |
      | vain uudet palvelutehtävät, tasan 500 000 | 9123456-5 | social_welfare_repository | ei            | ei                 | 500000 | kyllä                | ei         | ei                    | new service tasks only: no notice                         | Run the deployment test             | 0         |
      | muu laajennus, tasan 500 000 asiakirjaa   | 1357924-2 | patient_data_repository   | ei            | ei                 | 500000 | ei                   | ei         | ei                    | no notice needed                                          | Run the deployment test             | 0         |
      | Potilastietovaranto: ryhmämuutos ja kasvu | 7102150-3 | patient_data_repository   | ei            | kyllä              | 600000 | ei                   | ei         | ei                    | no notice needed                                          | Run the deployment test             | 0         |
      | Potilastietovaranto: liityntäpiste        | 7102151-1 | patient_data_repository   | kyllä         | kyllä              | 600000 | ei                   | ei         | kyllä                 | new access point: notice at least two weeks ahead         | File the access-point change notice | 1         |

  Tapausaihio: Uuden Kanta-palvelun käyttöönotto alkaa suunnittelulla järjestelmätoimittajan kanssa (<palvelu>)
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
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
    Niin avoinna on vain tehtävä "Plan the extension with the vendor", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Ja prosessi on käynnissä

    Tapaukset:
      | y_tunnus  | arkisto                 | palvelu             |
      | 3579246-6 | patient_data_repository | old_patient_records |
      | 5792468-5 | patient_data_repository | health_certificates |

  Tapausaihio: THL:n OPER-yksikkö tukee suunnittelua vain tarvittaessa (tuki tarvitaan: <tuki>)
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
      | business_id                      | <y_tunnus>                    |
      | repository                       | social_welfare_repository     |
      | repositories_in_use              | ["social_welfare_repository"] |
      | extension_kind                   | new_content                   |
      | document_group_or_profile_change | kyllä                         |
      | document_volume_growth           | 12000                         |
      | new_service_tasks_only           | ei                            |
      | new_access_point                 | ei                            |
      | planned_change_date              | tänään + 45 päivää            |
    Niin avoinna on vain tehtävä "Plan the extension with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Plan the extension with the vendor" tiedoilla:
      | plan_agreed_on          | tänään |
      | thl_oper_support_needed | <tuki> |
      | deployment_test_planned | kyllä  |
      | new_function_in_system  | ei     |
    Niin avoinna on vain tehtävä "<seuraava tehtävä>", jonka tekee <osapuoli>
    Ja prosessi on käynnissä

    Tapaukset:
      | y_tunnus  | tuki  | seuraava tehtävä                     | osapuoli       |
      | 6813579-6 | kyllä | Support the deployment planning      | THL            |
      | 7924681-1 | ei    | Test in Kela's customer test service | palvelunantaja |

  Tapaus: Uusi järjestelmä uudella liityntäpisteellä: molemmat ilmoitukset, liityntäpisteilmoitus ajoissa ja muutospäivän odotus, korjattu käyttöönottokoe ja raportti ajallaan
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle 7102104-4
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
      | business_id                      | 7102104-4                     |
      | repository                       | social_welfare_repository     |
      | repositories_in_use              | ["social_welfare_repository"] |
      | extension_kind                   | new_system                    |
      | document_group_or_profile_change | ei                            |
      | document_volume_growth           | 600000                        |
      | new_service_tasks_only           | ei                            |
      | new_access_point                 | kyllä                         |
      | planned_change_date              | tänään + 60 päivää            |
    Niin avoinna on vain tehtävä "Plan the extension with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Plan the extension with the vendor" tiedoilla:
      | plan_agreed_on          | tänään |
      | thl_oper_support_needed | kyllä  |
      | deployment_test_planned | kyllä  |
      | new_function_in_system  | ei     |
    Niin avoinna on vain tehtävä "Support the deployment planning", jonka tekee THL
    Kun THL tekee tehtävän "Support the deployment planning" tiedoilla:
      | support_given_on | tänään                                             |
      | advice           | Asiakirjaryhmät ja järjestelmäprofiili tarkistettu |
    Niin avoinna on vain tehtävä "Test in Kela's customer test service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Test in Kela's customer test service" tiedoilla:
      | customer_test_date     | tänään |
      | system_certified       | kyllä  |
      | intermediary_certified | kyllä  |
    Niin avoinna on vain tehtävä "Update the self-monitoring plan and register entries", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Update the self-monitoring plan and register entries" tiedoilla:
      | self_monitoring_plan_updated_on | tänään |
      | register_entries_checked        | kyllä  |
    Niin tieto "notify_kanta_by_email" on kyllä
    Ja tieto "access_point_notice" on kyllä
    Ja avoinna on vain tehtävä "Notify Kanta by e-mail", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Notify Kanta by e-mail" tiedoilla:
      | email_sent_on   | tänään                                     |
      | sent_to         | kirjaamo@kela.fi                           |
      | notified_change | Asiakirjamäärä kasvaa 600 000 asiakirjalla |
    Niin lomake hylätään kentän "sent_to" kohdalta
    Ja avoinna on vain tehtävä "Notify Kanta by e-mail", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Notify Kanta by e-mail" tiedoilla:
      | email_sent_on   | tänään                                     |
      | sent_to         | kanta@kanta.fi                             |
      | notified_change | Asiakirjamäärä kasvaa 600 000 asiakirjalla |
    Niin avoinna on vain tehtävä "File the access-point change notice", jonka tekee palvelunantaja
    Ja ajastin "Access-point notice late" laukeaa 47 päivän kuluttua
    Kun palvelunantaja yrittää tehdä tehtävän "File the access-point change notice" tiedoilla:
      | notice_filed_on  | tänään     |
      | access_point_oid | 2.16.840.1 |
    Niin lomake hylätään kentän "access_point_oid" kohdalta
    Ja avoinna on vain tehtävä "File the access-point change notice", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "File the access-point change notice" tiedoilla:
      | notice_filed_on  | tänään                       |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoimia tehtäviä ei ole
    Ja ajastin "Change date reached" laukeaa 60 päivän kuluttua
    Ja odottavia ajastimia on 1
    Kun aikaa on kulunut 59 päivää
    Niin ajastin "Change date reached" ei ole lauennut
    Ja ajastin "Change date reached" laukeaa 1 päivän kuluttua
    Ja ajastin "Access-point notice late" ei ole lauennut
    Ja avoimia tehtäviä ei ole
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Change date reached" on lauennut kerran
    Ja ajastimia ei ole
    Ja avoinna on vain tehtävä "Add the new system in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Add the new system in Kanta Extranet" tiedoilla:
      | system_name      | SosiaaliX 2 |
      | added_on         | tänään      |
      | system_certified | kyllä       |
    Niin avoinna on vain tehtävä "Update Kela's customer data", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Update Kela's customer data" tiedoilla:
      | customer_data_updated_on | tänään                                        |
      | what_changed             | Uusi järjestelmä SosiaaliX 2 ja liityntäpiste |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date | tänään |
      | result    | failed |
    Niin avoinna on vain tehtävä "Fix the test failure", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja tekee tehtävän "Fix the test failure" tiedoilla:
      | fault    | Järjestelmäprofiili väärin asiakirjan otsikossa |
      | fixed_on | tänään                                          |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date | tänään |
      | result    | passed |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Ja ajastin "Report deadline passed" laukeaa 3 päivän kuluttua
    Kun aikaa on kulunut kaksi päivää
    Niin ajastin "Report deadline passed" ei ole lauennut
    Ja avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Report the deployment test to Kela" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Train the staff", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Train the staff" tiedoilla:
      | training_completed_on | tänään                                                               |
      | topics                | ["national_practices", "security_and_privacy", "archive_management"] |
    Niin prosessi on päättynyt tapahtumaan "Extension in use"
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Run the deployment test" on tehty 2 kertaa
    Ja vaihe "Fix the test failure" on tehty 1 kertaa
    Ja ajastin "Report deadline passed" ei ole lauennut
    Ja vaihetta "Remind the provider of the missing report" ei ole tehty

  Tapaus: Uusi palvelu ilman ilmoituksia ja käyttöönottokoetta
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle 7102102-8
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Describe the usage extension" tiedoilla:
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
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
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
    Niin avoinna on vain tehtävä "Plan the extension with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Plan the extension with the vendor" tiedoilla:
      | plan_agreed_on          | tänään |
      | thl_oper_support_needed | ei     |
      | deployment_test_planned | ei     |
      | new_function_in_system  | ei     |
    Niin avoinna on vain tehtävä "Test in Kela's customer test service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Test in Kela's customer test service" tiedoilla:
      | customer_test_date     | tänään |
      | system_certified       | kyllä  |
      | intermediary_certified | kyllä  |
    Niin avoinna on vain tehtävä "Update the self-monitoring plan and register entries", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Update the self-monitoring plan and register entries" tiedoilla:
      | self_monitoring_plan_updated_on | tänään |
      | register_entries_checked        | kyllä  |
    Niin tieto "notify_kanta_by_email" on ei
    Ja tieto "access_point_notice" on ei
    Ja tieto "notice_reason" on no notice needed
    Ja avoinna on vain tehtävä "Update Kela's customer data", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Update Kela's customer data" tiedoilla:
      | customer_data_updated_on | tänään                               |
      | what_changed             | Terveydenhuollon todistusten välitys |
    Niin avoinna on vain tehtävä "Train the staff", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Train the staff" tiedoilla:
      | training_completed_on | tänään                   |
      | topics                | ["security_and_privacy"] |
    Niin prosessi on päättynyt tapahtumaan "Extension in use"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Support the deployment planning" ei ole tehty
    Ja vaihetta "Notify Kanta by e-mail" ei ole tehty
    Ja vaihetta "File the access-point change notice" ei ole tehty
    Ja vaihetta "Add the new system in Kanta Extranet" ei ole tehty
    Ja vaihetta "Run the deployment test" ei ole tehty

  Tapaus: Uuden toiminnallisuuden kokeen laajuuden päättää Kela, ja kun raportti puuttuu kahden päivän kuluttua onnistuneesta kokeesta, Kela muistuttaa palvelunantajaa
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle 7102103-6
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
      | business_id                      | 7102103-6                   |
      | repository                       | patient_data_repository     |
      | repositories_in_use              | ["patient_data_repository"] |
      | extension_kind                   | new_content                 |
      | document_group_or_profile_change | ei                          |
      | document_volume_growth           | 40000                       |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | ei                          |
      | planned_change_date              | tänään + 30 päivää          |
    Niin avoinna on vain tehtävä "Plan the extension with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Plan the extension with the vendor" tiedoilla:
      | plan_agreed_on          | tänään |
      | thl_oper_support_needed | ei     |
      | deployment_test_planned | ei     |
      | new_function_in_system  | kyllä  |
    Niin avoinna on vain tehtävä "Test in Kela's customer test service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Test in Kela's customer test service" tiedoilla:
      | customer_test_date     | tänään |
      | system_certified       | kyllä  |
      | intermediary_certified | kyllä  |
    Niin avoinna on vain tehtävä "Update the self-monitoring plan and register entries", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Update the self-monitoring plan and register entries" tiedoilla:
      | self_monitoring_plan_updated_on | tänään |
      | register_entries_checked        | kyllä  |
    Niin tieto "notice_reason" on no notice needed
    Ja avoinna on vain tehtävä "Decide the extent of the deployment test", jonka tekee Kela
    Kun Kela tekee tehtävän "Decide the extent of the deployment test" tiedoilla:
      | decided_on  | tänään                                            |
      | test_extent | Uuden toiminnallisuuden asiakirjat ja niiden haku |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date | tänään - 1 päivä |
      | result    | passed           |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Ja ajastin "Report deadline passed" laukeaa 2 päivän kuluttua
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Report deadline passed" ei ole lauennut
    Ja ajastin "Report deadline passed" laukeaa 1 päivän kuluttua
    Ja avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Report deadline passed" on lauennut kerran
    Ja ajastimia ei ole
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                   |
      | palvelunantaja | Report the deployment test to Kela        |
      | Kela           | Remind the provider of the missing report |
    Kun Kela yrittää tehdä tehtävän "Remind the provider of the missing report" tiedoilla:
      | reminded_on | tänään |
      | channel     | kirje  |
    Niin lomake hylätään kentän "channel" kohdalta
    Ja vaihetta "Reminder sent" ei ole tehty
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                   |
      | palvelunantaja | Report the deployment test to Kela        |
      | Kela           | Remind the provider of the missing report |
    Kun Kela tekee tehtävän "Remind the provider of the missing report" tiedoilla:
      | reminded_on | tänään |
      | channel     | email  |
    Niin vaihe "Reminder sent" on tehty
    Ja avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee tehtävän "Report the deployment test to Kela" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Train the staff", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Train the staff" tiedoilla:
      | training_completed_on | tänään                                       |
      | topics                | ["national_practices", "archive_management"] |
    Niin prosessi on päättynyt tapahtumiin:
      | Reminder sent    |
      | Extension in use |
    Ja avoimia tehtäviä ei ole
    Ja ajastin "Report deadline passed" on lauennut kerran

  Tapaus: Liityntäpisteilmoitus myöhästyy: palvelunantajaa varoitetaan, ja muutospäivää odotetaan silti
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle 7102140-7
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
      | business_id                      | 7102140-7                   |
      | repository                       | patient_data_repository     |
      | repositories_in_use              | ["patient_data_repository"] |
      | extension_kind                   | new_system                  |
      | document_group_or_profile_change | ei                          |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | kyllä                       |
      | planned_change_date              | tänään + 20 päivää          |
    Niin avoinna on vain tehtävä "Plan the extension with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Plan the extension with the vendor" tiedoilla:
      | plan_agreed_on          | tänään |
      | thl_oper_support_needed | ei     |
      | deployment_test_planned | ei     |
      | new_function_in_system  | ei     |
    Niin avoinna on vain tehtävä "Test in Kela's customer test service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Test in Kela's customer test service" tiedoilla:
      | customer_test_date     | tänään |
      | system_certified       | kyllä  |
      | intermediary_certified | kyllä  |
    Niin avoinna on vain tehtävä "Update the self-monitoring plan and register entries", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Update the self-monitoring plan and register entries" tiedoilla:
      | self_monitoring_plan_updated_on | tänään |
      | register_entries_checked        | kyllä  |
    Niin tieto "notify_kanta_by_email" on ei
    Ja tieto "access_point_notice" on kyllä
    Ja avoinna on vain tehtävä "File the access-point change notice", jonka tekee palvelunantaja
    Ja ajastin "Access-point notice late" laukeaa 7 päivän kuluttua
    Kun aikaa on kulunut 6 päivää
    Niin ajastin "Access-point notice late" ei ole lauennut
    Ja avoinna on vain tehtävä "File the access-point change notice", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Access-point notice late" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                   |
      | palvelunantaja | File the access-point change notice       |
      | palvelunantaja | Note that the access-point notice is late |
    Kun palvelunantaja tekee tehtävän "Note that the access-point notice is late" tiedoilla:
      | noted_on | tänään                                              |
      | note     | Muutospäivä pidetään, Kelan kanssa sovittu erikseen |
    Niin vaihe "Late notice noted" on tehty
    Ja avoinna on vain tehtävä "File the access-point change notice", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "File the access-point change notice" tiedoilla:
      | notice_filed_on  | tänään                       |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoimia tehtäviä ei ole
    Ja ajastin "Change date reached" laukeaa 13 päivän kuluttua
    Ja odottavia ajastimia on 1
    Kun aikaa on kulunut 13 päivää
    Niin ajastin "Change date reached" on lauennut kerran
    Ja ajastimia ei ole
    Ja avoinna on vain tehtävä "Add the new system in Kanta Extranet", jonka tekee palvelunantaja
    Ja prosessi on käynnissä

  Tapaus: Sosiaalihuollon vanhat sekä I- ja II-vaiheen asiakirjat ovat Sosiaalihuollon asiakastietovarannon (ent. asiakastiedon arkisto) uutta tietosisältöä, ja terveydenhuollon uudet palvelut kuuluvat Potilastietovarantoon (ent. Potilastiedon arkisto)
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle 7102161-8
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Describe the usage extension" tiedoilla:
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
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Describe the usage extension" tiedoilla:
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
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
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
    Niin avoinna on vain tehtävä "Plan the extension with the vendor", jonka tekee palvelunantaja
    Ja tieto "new_document_groups" on ["old_documents", "phase_1_documents", "phase_2_documents"]
    Ja ajastimia ei ole
    Ja prosessi on käynnissä

  Tapaus: Palvelunantaja, joka ei vielä käytä kumpaakaan arkistoa, ei laajenna käyttöä vaan liittyy ensin Kantaan
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle 7102162-6
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
      | business_id                      | 7102162-6               |
      | repositories_in_use              | []                      |
      | repository                       | patient_data_repository |
      | extension_kind                   | new_system              |
      | document_group_or_profile_change | ei                      |
      | document_volume_growth           | 0                       |
      | new_service_tasks_only           | ei                      |
      | new_access_point                 | ei                      |
      | planned_change_date              | tänään + 60 päivää      |
    Niin prosessi on päättynyt tapahtumaan "Not a usage extension: join Kanta first"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Plan the extension with the vendor" ei ole tehty

  Tapaus: Terveydenhuollon todistusten välitys vaatii Potilastietovarannon, jota sosiaalihuollon palvelunantaja ei vielä käytä: koko Potilastietovarannon käyttöönotto tehdään ensin
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle 7102163-4
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
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
    Niin avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Ja tieto "business_id" on 7102163-4
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7102163.10.0 |
    Niin avoinna on vain tehtävä "File the joining application in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "File the joining application in Kanta Extranet" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 4 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Deliver Kela's test person IDs", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Deliver Kela's test person IDs" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Report the deployment test to Kela" tiedoilla:
      | report_sent_on | tänään |
    Niin avoinna on vain tehtävä "Plan the extension with the vendor", jonka tekee palvelunantaja
    Ja tieto "patient_data_repository_report_sent_on" on tänään
    Ja vaihe "Patient Data Repository in use" on tehty

  Tapaus: Sosiaalihuollon vanhat asiakirjat vaativat Sosiaalihuollon asiakastietovarannon, jota ei vielä käytetä: sen käyttöönotto tehdään ensin kysymättä tunnistetietoja uudelleen, tässä pääliittyjän kautta
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle 7102164-2
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
      | business_id                      | 7102164-2                   |
      | repositories_in_use              | ["patient_data_repository"] |
      | repository                       | social_welfare_repository   |
      | extension_kind                   | new_content                 |
      | new_document_groups              | ["old_documents"]           |
      | document_group_or_profile_change | ei                          |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | ei                          |
      | planned_change_date              | tänään + 90 päivää          |
    Niin avoinna on vain tehtävä "Study the deployment and contact the vendor (identity given)", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Study the deployment and contact the vendor (identity given)" tiedoilla:
      | contact_email     | kanta@example.fi              |
      | service_provision | purchased_services_for_county |
      | joining_model     | joint                         |
    Niin avoinna on vain tehtävä "Agree the joint joining with the main joiner", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Agree the joint joining with the main joiner" tiedoilla:
      | main_joiner_business_id                   | 1234567-1                       |
      | main_joiner_name                          | Sosiaalipalvelut Pääliittyjä Oy |
      | agreement_date                            | tänään                          |
      | security_plan                             | main_joiner_plan_covers_us      |
      | main_joiner_system_has_registry_use_right | kyllä                           |
    Niin avoinna on vain tehtävä "Plan the extension with the vendor", jonka tekee palvelunantaja
    Ja tieto "social_care_joining_model" on joint
    Ja vaihetta "Study the deployment and contact the vendor" ei ole tehty

  Tapaus: Sosiaalihuollon asiakastietovarannon käyttöönotto hylkää potilastietojärjestelmän, jolloin käyttöä ei laajenneta
    Oletetaan palvelunantajan aloittaneen prosessin "Usage extension" Y-tunnukselle 7102165-0
    Ja avoinna on vain tehtävä "Describe the usage extension", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Describe the usage extension" tiedoilla:
      | business_id                      | 7102165-0                   |
      | repositories_in_use              | ["patient_data_repository"] |
      | repository                       | social_welfare_repository   |
      | extension_kind                   | new_content                 |
      | new_document_groups              | ["phase_1_documents"]       |
      | document_group_or_profile_change | ei                          |
      | document_volume_growth           | 0                           |
      | new_service_tasks_only           | ei                          |
      | new_access_point                 | ei                          |
      | planned_change_date              | tänään + 90 päivää          |
    Niin avoinna on vain tehtävä "Study the deployment and contact the vendor (identity given)", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Study the deployment and contact the vendor (identity given)" tiedoilla:
      | service_provision | self_paying_clients_only |
      | joining_model     | direct                   |
    Niin avoinna on vain tehtävä "Describe the client information system", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Describe the client information system" tiedoilla:
      | system_name                  | PotilasY                     |
      | system_kind                  | patient_information_system   |
      | system_certified             | kyllä                        |
      | system_phase                 | phase_1                      |
      | system_profile               | Vaiheen 1 perustoiminnot     |
      | registry_use_right_supported | ei                           |
      | access_point_oid             | 1.2.246.537.6.918.18.10.13.1 |
    Niin prosessi on päättynyt tapahtumaan "Not extended: a certified client system is needed"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Plan the extension with the vendor" ei ole tehty
