package io.shelfstream.simulations.world;

import java.time.ZoneId;
import java.util.List;

/** A city where the retailer has stores; stores of one city share its time zone. */
record City(String name, ZoneId zone, List<String> districts, List<String> streets) {

  /**
   * Cities across several offsets, so that equal instants arrive written with different offsets.
   */
  static final List<City> ALL =
      List.of(
          city(
              "Lyon",
              "Europe/Paris",
              List.of("Part-Dieu", "Confluence", "Bellecour", "Vaise"),
              List.of("rue de la République", "cours Lafayette", "quai Perrache")),
          city(
              "London",
              "Europe/London",
              List.of("Camden", "Soho", "Greenwich", "Islington"),
              List.of("High Street", "Oxford Road", "King's Road")),
          city(
              "Berlin",
              "Europe/Berlin",
              List.of("Mitte", "Kreuzberg", "Spandau", "Pankow"),
              List.of("Friedrichstraße", "Karl-Marx-Allee", "Torstraße")),
          city(
              "Lisbon",
              "Europe/Lisbon",
              List.of("Baixa", "Belém", "Alfama", "Parque"),
              List.of("Rua Augusta", "Avenida da Liberdade", "Rua do Ouro")),
          city(
              "Athens",
              "Europe/Athens",
              List.of("Plaka", "Kifisia", "Glyfada", "Psyri"),
              List.of("Ermou", "Stadiou", "Panepistimiou")),
          city(
              "Madrid",
              "Europe/Madrid",
              List.of("Salamanca", "Chamberí", "Retiro", "Tetuán"),
              List.of("Gran Vía", "Calle de Alcalá", "Calle Mayor")),
          city(
              "Istanbul",
              "Europe/Istanbul",
              List.of("Kadıköy", "Beşiktaş", "Şişli", "Fatih"),
              List.of("İstiklal Caddesi", "Bağdat Caddesi", "Halaskargazi")),
          city(
              "Dublin",
              "Europe/Dublin",
              List.of("Temple Bar", "Rathmines", "Docklands", "Howth"),
              List.of("Grafton Street", "O'Connell Street", "Dame Street")),
          city(
              "Helsinki",
              "Europe/Helsinki",
              List.of("Kamppi", "Kallio", "Töölö", "Pasila"),
              List.of("Mannerheimintie", "Aleksanterinkatu", "Bulevardi")),
          city(
              "Milan",
              "Europe/Rome",
              List.of("Brera", "Navigli", "Isola", "Porta Romana"),
              List.of("Via Torino", "Corso Buenos Aires", "Via Dante")));

  private static City city(String name, String zone, List<String> districts, List<String> streets) {
    return new City(name, ZoneId.of(zone), districts, streets);
  }
}
