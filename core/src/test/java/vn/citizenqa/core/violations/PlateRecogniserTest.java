package vn.citizenqa.core.violations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.citizenqa.core.model.PlateNumber;

class PlateRecogniserTest {

    private static List<String> plates(String text) {
        return PlateRecogniser.find(text).stream().map(PlateNumber::normalised).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "xe 51F-123.45 có bị phạt nguội không | 51F12345 | 51F-123.45",
            "tra cứu 51F12345 | 51F12345 | 51F-123.45",
            "51f 123 45 vi phạm gì ạ | 51F12345 | 51F-123.45",
            "phat nguoi 59X1-678.90 | 59X167890 | 59X1-678.90",
            "xe máy 59-X1 678.90 bị phạt không | 59X167890 | 59X1-678.90",
            "biển 30A-1234 | 30A1234 | 30A-1234",
            "ô tô 30K-555.66. Cảm ơn | 30K55566 | 30K-555.66",
            "xe 29AA-123.45 | 29AA12345 | 29AA-123.45",
            "Xe 51F12345, bị phạt nguội thì nộp phạt thế nào | 51F12345 | 51F-123.45"})
    void aPlateIsFoundHoweverItIsTyped(String text, String normalised, String display) {
        List<PlateNumber> found = PlateRecogniser.find(text);
        assertEquals(List.of(normalised), found.stream().map(PlateNumber::normalised).toList());
        assertEquals(display, found.getFirst().display());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "số điện thoại 0912345678", "căn cước 079203001234", "ngày 12/05/2026 lúc 08:12",
            "tôi muốn đăng ký tạm trú", "giá 123.456 đồng", "mã hồ sơ G01.123.45.678"})
    void numbersThatAreNotPlatesAreLeftAlone(String text) {
        assertEquals(List.of(), plates(text));
    }

    @org.junit.jupiter.api.Test
    void severalPlatesAreLookedUpOnceEachAndAtMostThree() {
        assertEquals(List.of("51F12345", "59X167890"), plates("51F-123.45 và 59X1-678.90, 51f12345"));
        assertEquals(3, plates("11A-111.11 12A-111.11 14A-111.11 15A-111.11").size());
    }
}
