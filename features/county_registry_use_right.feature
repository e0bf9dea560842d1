# language: fi
Ominaisuus: Hyvinvointialueen rekisterinkäyttöoikeus palveluntuottajalle
  In English: the wellbeing services county's own part once a producer of its purchased or voucher services
  has the Social Welfare Client Data Repository in use (seed 002). The producer's onboarding says so by a
  message under the producer's business ID, which starts this process; the onboarding, and whatever called
  it, has ended by then and waits for nothing here. Two things open at once: the producer's agreement with
  the county on delivering the documents and on the client's rights (Act 703/2023 section 14), which needs
  no registry use right and so waits for nothing, and the county's statement whether it has joined and
  whether its system supports the registry use right. Only when both have joined and both systems support
  it does the county commit to opening the right each time it grants a client's service (seed 002: "Avaa
  palvelun myontamisen yhteydessa"), and the producer then agrees to store its documents straight into the
  county's register; otherwise the county's side ends without the right. Storing into the register is
  offered on no other form, so the process can not end with documents agreed into the register of a county
  that is not ready.

  Hyvinvointialueen ostopalveluja tai palvelusetelipalveluja tuottavan palvelunantajan käyttöönotto kertoo
  viestillä, että Sosiaalihuollon asiakastietovaranto on sen käytössä, ja viesti aloittaa tämän prosessin.
  Käyttöönotto ja sitä kutsunut prosessi ovat silloin jo päättyneet eivätkä odota tätä. Heti avautuvat
  rinnakkain palvelunantajan sopimus asiakirjojen toimittamisesta ja asiakkaan oikeuksista (asiakastietolaki
  14 §), joka ei tarvitse rekisterinkäyttöoikeutta, ja hyvinvointialueen tehtävä kertoa, onko se liittynyt ja
  tukeeko sen järjestelmä rekisterinkäyttöoikeutta. Vain kun molemmat ovat liittyneet ja molempien
  järjestelmät tukevat sitä, hyvinvointialue sitoutuu avaamaan oikeuden aina myöntäessään asiakkaalle
  palvelun, ja palvelunantaja sopii tallentavansa asiakirjat suoraan sen rekisteriin; muuten
  hyvinvointialueen osuus päättyy ilman oikeutta. Rekisteriin tallentamista ei tarjota millään muulla
  lomakkeella.

  Tapaus: Palvelunantaja sopii asiakirjojen toimittamisesta heti, ja kun hyvinvointialue on valmis ja sitoutuu avaamaan rekisterinkäyttöoikeuden, palvelunantaja sopii tallentavansa asiakirjat sen rekisteriin
    Oletetaan palvelunantajan käyttöönoton lähettäneen viestin "Sosiaalihuollon asiakastietovaranto palveluntuottajan käytössä" Y-tunnukselle 1618034-1 tiedoilla:
      | organisation_name            | Palvelukoti Kultainen Leinikki Oy |
      | county_business_id           | 4567123-8                         |
      | registry_use_right_supported | kyllä                             |
    Ja avoinna ovat vain tehtävät "Vahvista rekisterinkäyttöoikeuden edellytykset", jonka tekee hyvinvointialue, ja "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Ja tiedon "county_business_id" arvo on 4567123-8
    Ja viestejä ei odoteta
    Ja ajastimia ei ole
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | into_organisers_register |
      | client_rights_agreed | kyllä                    |
      | agreed_on            | tänään                   |
    Niin lomake hylätään kentän "delivery_method" kohdalta
    Ja avoinna ovat vain tehtävät "Vahvista rekisterinkäyttöoikeuden edellytykset", jonka tekee hyvinvointialue, ja "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | secure_email |
      | client_rights_agreed | kyllä        |
      | agreed_on            | tänään       |
    Niin avoinna on vain tehtävä "Vahvista rekisterinkäyttöoikeuden edellytykset", jonka tekee hyvinvointialue
    Ja prosessi on käynnissä
    Kun hyvinvointialue yrittää tehdä tehtävän "Vahvista rekisterinkäyttöoikeuden edellytykset" tiedoilla:
      | county_business_id                           | 7654321-6 |
      | organiser_joined                             | kyllä     |
      | organiser_system_supports_registry_use_right | kyllä     |
    Niin lomake hylätään kentän "county_business_id" kohdalta
    Ja avoinna on vain tehtävä "Vahvista rekisterinkäyttöoikeuden edellytykset", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Vahvista rekisterinkäyttöoikeuden edellytykset" tiedoilla:
      | organiser_joined                             | kyllä |
      | organiser_system_supports_registry_use_right | kyllä |
    Niin avoinna on vain tehtävä "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä", jonka tekee hyvinvointialue
    Kun hyvinvointialue yrittää tehdä tehtävän "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä" tiedoilla:
      | opens_right_when_granting_service | ei     |
      | committed_on                      | tänään |
    Niin lomake hylätään kentän "opens_right_when_granting_service" kohdalta
    Ja avoinna on vain tehtävä "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä" tiedoilla:
      | opens_right_when_granting_service | kyllä  |
      | committed_on                      | tänään |
    Niin avoinna on vain tehtävä "Sovi asiakirjojen tallentamisesta suoraan järjestäjän rekisteriin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi asiakirjojen tallentamisesta suoraan järjestäjän rekisteriin" tiedoilla:
      | documents_into_organisers_register | kyllä  |
      | register_storage_agreed_on         | tänään |
    Niin prosessi on päättynyt tapahtumiin:
      | Asiakirjojen toimittamisesta sovittu                               |
      | Hyvinvointialueen rekisteriin tallentamisesta päätetty             |
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" on tehty kerran

  Tapausaihio: Palvelunantajan sopimus asiakirjojen toimittamisesta ei odota hyvinvointialuetta, ja ilman rekisterinkäyttöoikeuden edellytyksiä rekisteriin tallentamisesta ei sovita (hyvinvointialue liittynyt: <liittynyt>, hyvinvointialueen järjestelmä: <tuki>, palvelunantajan järjestelmä: <oma_tuki>)
    Oletetaan palvelunantajan käyttöönoton lähettäneen viestin "Sosiaalihuollon asiakastietovaranto palveluntuottajan käytössä" Y-tunnukselle <y_tunnus> tiedoilla:
      | county_business_id           | 4567123-8  |
      | registry_use_right_supported | <oma_tuki> |
    Ja avoinna ovat vain tehtävät "Vahvista rekisterinkäyttöoikeuden edellytykset", jonka tekee hyvinvointialue, ja "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun hyvinvointialue tekee tehtävän "Vahvista rekisterinkäyttöoikeuden edellytykset" tiedoilla:
      | organiser_joined                             | <liittynyt> |
      | organiser_system_supports_registry_use_right | <tuki>      |
    Niin avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Ja prosessi on käynnissä
    Ja vaihetta "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä" ei ole tehty
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | into_organisers_register |
      | client_rights_agreed | kyllä                    |
      | agreed_on            | tänään                   |
    Niin lomake hylätään kentän "delivery_method" kohdalta
    Ja avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | <toimitustapa> |
      | client_rights_agreed | kyllä          |
      | agreed_on            | tänään         |
    Niin prosessi on päättynyt tapahtumiin:
      | Asiakirjojen toimittamisesta sovittu              |
      | Rekisterinkäyttöoikeuden edellytykset eivät täyty |
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Sovi asiakirjojen tallentamisesta suoraan järjestäjän rekisteriin" ei ole tehty

    Tapaukset:
      | y_tunnus  | liittynyt | tuki  | oma_tuki | toimitustapa     |
      | 1618036-8 | ei        | kyllä | kyllä    | secure_email     |
      | 1618037-6 | kyllä     | ei    | kyllä    | paper            |
      | 1618038-4 | kyllä     | kyllä | ei       | other_electronic |
