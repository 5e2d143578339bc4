package vn.citizenqa.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PersonalDataMaskerTest {

    private final PersonalDataMasker masker = new PersonalDataMasker();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gọi tôi 0912345678 nhé            | gọi tôi [phone] nhé
            gọi tôi 0912 345 678 nhé          | gọi tôi [phone] nhé
            gọi tôi 0912.345.678 nhé          | gọi tôi [phone] nhé
            gọi tôi 091-234-5678 nhé          | gọi tôi [phone] nhé
            sđt: +84 912 345 678              | sđt: [phone]
            sđt:+84912345678                  | sđt:[phone]
            sđt 0084 912 345 678              | sđt [phone]
            bàn (028) 3829 7643 giờ hành chính | bàn [phone] giờ hành chính
            số máy bàn 024.3942.4251          | số máy bàn [phone]
            """)
    void phoneNumbersAreMaskedHoweverTheyAreWritten(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CMND 123456789 của tôi bị mất     | CMND [id-number] của tôi bị mất
            CCCD 001203004567 hết hạn         | CCCD [id-number] hết hạn
            CCCD 001 203 004 567 hết hạn      | CCCD [id-number] hết hạn
            CCCD số:079204001234.             | CCCD số:[id-number].
            """)
    void identityNumbersAreMasked(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            chuyển vào tk 19035678901234 Techcombank | chuyển vào tk [account-number] Techcombank
            STK 1903 5678 9012 34 nhé                | STK [account-number] nhé
            thẻ 4111 1111 1111 1111 bị trừ tiền      | thẻ [account-number] bị trừ tiền
            tài khoản 12345678                       | tài khoản [account-number]
            """)
    void bankAccountLikeNumbersAreMasked(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @Test
    void emailAddressesAreMasked() {
        assertEquals("gửi về [email] giúp em", masker.mask("gửi về nguyen.van-an+cccd@gmail.com.vn giúp em"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            xe biển 59-X1 123.45 bị phạt nguội
            biển số 51F-123.45 đỗ sai chỗ
            xe 30A-12345 vượt đèn đỏ
            lệ phí 1.500.000 đồng hay 150.000.000 đồng
            phạt từ 800.000 đến 1.000.000 đồng
            gọi 113 hoặc 114, 115
            năm 2024, ngày 15/10/2024 lúc 14:30
            mẫu CT01, thông tư 55/2021/TT-BCA
            """)
    void platesAmountsDatesAndHotlinesAreKept(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Em tên Lan, sđt 0987654321, nhà ở 25 Nguyễn Huệ                  | Em tên Lan, sđt [phone], nhà ở 25 Nguyễn Huệ
            Liên hệ em qua số 0398 765 432 hoặc zalo 0912.345.678 ạ           | Liên hệ em qua số [phone] hoặc zalo [phone] ạ
            SĐT:+84987654321.                                                 | SĐT:[phone].
            số của em +84 (0) 912 345 678, gọi giờ hành chính                 | số của em [phone], gọi giờ hành chính
            Gọi 113 ngay! Số em 0912345678, chồng em 0987 654 321             | Gọi 113 ngay! Số em [phone], chồng em [phone]
            ĐT bàn 028 3829 7643 (giờ hành chính)                             | ĐT bàn [phone] (giờ hành chính)
            CMND số 025123456 cấp năm 2010 ở Long An                          | CMND số [id-number] cấp năm 2010 ở Long An
            CCCD 079204001234, ngày cấp 15/08/2021                            | CCCD [id-number], ngày cấp 15/08/2021
            căn cước 0792 0400 1234 của mẹ em                                 | căn cước [id-number] của mẹ em
            Hộ chiếu C1234567 bị mất ở sân bay                                | Hộ chiếu [id-number] bị mất ở sân bay
            xe máy biển 29B1-123.45 của ông Nam (sđt 0912 345 678)            | xe máy biển 29B1-123.45 của ông Nam (sđt [phone])
            """)
    void realisticMessagesHaveTheirNumbersMaskedAndTheRestKept(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            xe 51G-123.45 và 59-X1 234.56 bị giữ, biển 30A-12345 thì sao
            ô tô 51H-999.99 vượt đèn đỏ ngày 05/12/2025 lúc 8h30
            nộp phạt 4.000.000 đồng và 800.000đ ở kho bạc
            mẫu CT01, CT02 theo Thông tư 66/2023/TT-BCA
            """)
    void realisticPlatesAmountsAndFormsAreKept(String text) {
        assertEquals(text, masker.mask(text));
    }

    @Test
    void everythingPersonalInOneMessageIsMasked() {
        assertEquals("Tôi tên An, CCCD [id-number], đt [phone], mail [email], xe 59-X1 123.45 bị mất.",
                masker.mask("Tôi tên An, CCCD 079204001234, đt 0987 654 321, mail an@vnpt.vn, xe 59-X1 123.45 bị mất."));
        assertNull(masker.mask(null));
    }
}
