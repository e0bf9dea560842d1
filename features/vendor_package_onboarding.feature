# language: fi
Ominaisuus: Kanta-palveluihin liittyminen järjestelmätoimittajan palvelupaketilla
  In English: a service provider joins Kanta with its system vendor's package (seed 000). The provider
  chooses the package, the vendor sends the delivery contract and the provider signs it; the provider then
  applies for the Patient Data Repository with the vendor's own application name eRA and access point
  OID 1.2.246.537.6.918.18.10.13.1, and for the Prescription service separately when it prescribes.
  Kela decides; a refused application is corrected and sent again. A decision message without the decision
  is refused and changes nothing. Once approved, the provider updates its
  self-monitoring plan (the vendor can deliver its system description as an appendix, if the provider wants
  it), and the provider is ready for the deployment test.

  Palvelunantaja valitsee palvelupaketin, järjestelmätoimittaja lähettää toimitussopimuksen ja
  palvelunantaja allekirjoittaa sen. Palvelunantaja hakee Potilastiedon arkiston käyttöä sovelluksen
  nimellä eRA ja liityntäpisteen OID:lla 1.2.246.537.6.918.18.10.13.1, ja Reseptiä erikseen, jos se
  määrää lääkkeitä. Kela päättää; hylätty hakemus korjataan. Lopuksi palvelunantaja päivittää
  omavalvontasuunnitelmansa; järjestelmätoimittaja voi toimittaa järjestelmäkuvauksen sen liitteeksi, jos
  palvelunantaja haluaa.

  Tausta:
    Oletetaan että palvelunantaja aloittaa prosessin "Kanta joining with a vendor package" Y-tunnukselle 0737546-2
    Ja avoinna on vain tehtävä "Choose the Kanta package", jonka tekee palvelunantaja

  Tapausaihio: Hakemukset Kelalle reseptin kanssa tai ilman (<resepti>)
    Kun palvelunantaja tekee tehtävän "Choose the Kanta package" tiedoilla:
      | organisation_name  | Lääkärikeskus Aurora Oy |
      | business_id        | 0737546-2               |
      | package_name       | eRA Kanta-paketti       |
      | wants_prescription | <resepti>               |
    Niin avoinna on vain tehtävä "Send the delivery contract", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the delivery contract" tiedoilla:
      | contract_reference | TS-2026-118 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Sign the delivery contract", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sign the delivery contract" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Apply for the Patient Data Repository", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Apply for the Patient Data Repository" tiedoilla:
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | application_date | tänään                       |
      | login_method     | suomi_fi                     |
    Niin <seuraavaksi>
    Ja prosessi on käynnissä

    Tapaukset:
      | resepti | seuraavaksi                                                                              |
      | kyllä   | avoinna on vain tehtävä "Apply for the Prescription service", jonka tekee palvelunantaja |
      | ei      | odotetaan viestiä "Kelan päätös hakemukseen"                                             |

  Tapaus: Resepti haetaan erikseen, Kela hylkää ensin ja hyväksyy korjatut hakemukset
    Kun palvelunantaja tekee tehtävän "Choose the Kanta package" tiedoilla:
      | organisation_name  | Lääkärikeskus Aurora Oy |
      | business_id        | 0737546-2               |
      | package_name       | eRA Kanta-paketti       |
      | wants_prescription | kyllä                   |
    Niin avoinna on vain tehtävä "Send the delivery contract", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the delivery contract" tiedoilla:
      | contract_reference | TS-2026-118 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Sign the delivery contract", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sign the delivery contract" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Apply for the Patient Data Repository", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Apply for the Patient Data Repository" tiedoilla:
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | application_date | tänään                       |
      | login_method     | bank_id                      |
    Niin avoinna on vain tehtävä "Apply for the Prescription service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Apply for the Prescription service" tiedoilla:
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | application_date | tänään                       |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela yrittää lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | result | rejected |
    Niin viesti hylätään, eikä mikään muutu
    Ja odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | rejected |
    Niin avoinna on vain tehtävä "Correct the applications", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Correct the applications" tiedoilla:
      | correction   | Liityntäpisteen yhteyshenkilö lisätty |
      | corrected_on | tänään                                |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Update the self-monitoring plan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Update the self-monitoring plan" tiedoilla:
      | plan_updated_on                    | tänään |
      | structured_vaccination_recording   | kyllä  |
      | vendor_system_description_attached | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Ready for the deployment test"
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Correct the applications" on tehty 1 kertaa

  Tapaus: Ilman reseptiä hyväksytty hakemus vie suoraan omavalvontasuunnitelman päivitykseen
    Kun palvelunantaja tekee tehtävän "Choose the Kanta package" tiedoilla:
      | organisation_name  | Lääkärikeskus Aurora Oy |
      | business_id        | 0737546-2               |
      | package_name       | eRA Kanta-paketti       |
      | wants_prescription | ei                      |
    Niin avoinna on vain tehtävä "Send the delivery contract", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the delivery contract" tiedoilla:
      | contract_reference | TS-2026-119 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Sign the delivery contract", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sign the delivery contract" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Apply for the Patient Data Repository", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Apply for the Patient Data Repository" tiedoilla:
      | system_name      | eRA        |
      | access_point_oid | 2.16.840.1 |
      | application_date | tänään     |
      | login_method     | suomi_fi   |
    Niin lomake hylätään kentän "access_point_oid" kohdalta
    Ja avoinna on vain tehtävä "Apply for the Patient Data Repository", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Apply for the Patient Data Repository" tiedoilla:
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | application_date | tänään                       |
      | login_method     | certificate_card             |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja vaihetta "Apply for the Prescription service" ei ole tehty
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Update the self-monitoring plan", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Update the self-monitoring plan" tiedoilla:
      | plan_updated_on                  | tänään |
      | structured_vaccination_recording | ei     |
    Niin prosessi on päättynyt tapahtumaan "Ready for the deployment test"
    Ja vaihetta "Correct the applications" ei ole tehty
